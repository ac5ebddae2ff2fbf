import { fileURLToPath } from 'node:url';

/**
 * The one font every chart uses, shipped inside this package (`fonts/`, beside `src/` and
 * `dist/`), so text renders the same offline on every machine whatever fonts it has installed.
 */
export const FONT_FAMILY = 'DejaVu Sans';

/** Absolute path of the bundled DejaVu Sans file (resolves the same from src/ and dist/). */
export const FONT_FILE = fileURLToPath(new URL('../fonts/DejaVuSans.ttf', import.meta.url));
