import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY, FONT_FILE } from './bundled-font.js';

/**
 * Rasterises an SVG document to PNG at its own size. Only the bundled font is loaded, never the
 * system's, so the same input gives the same pixels on any machine (and loading is faster).
 */
export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    font: { fontFiles: [FONT_FILE], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    shapeRendering: 2,
    textRendering: 1,
    // resvg logs through Rust's logger; nothing may reach stdout, the MCP stdio channel.
    logLevel: 'off',
  });
  return resvg.render().asPng();
}
