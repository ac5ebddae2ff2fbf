import { PNG } from 'pngjs';

/** The eight bytes every PNG starts with. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, read from the raw bytes (not through a decoder). */
export function ihdrSize(png: Buffer): { width: number; height: number; chunk: string } {
  return {
    chunk: png.subarray(12, 16).toString('latin1'),
    width: png.readUInt32BE(16),
    height: png.readUInt32BE(20),
  };
}

/** A decoded image with pixel look-ups. */
export interface Image {
  width: number;
  height: number;
  /** `#rrggbb` of the pixel at (x, y). */
  hex(x: number, y: number): string;
  /** Whether a pixel within `radius` of (x, y) is within `tolerance` (per channel) of `colour`. */
  hasNear(x: number, y: number, colour: string, radius?: number, tolerance?: number): boolean;
  /** How many pixels in the box are within `tolerance` of `colour`. */
  count(
    colour: string,
    box?: { x: number; y: number; width: number; height: number },
    tolerance?: number,
  ): number;
  /** Number of distinct RGB colours in the whole image. */
  distinctColours(): number;
}

/** Decodes a PNG with pngjs (an independent decoder, so a malformed file fails here). */
export function decode(png: Buffer): Image {
  const image = PNG.sync.read(png);
  const { width, height, data } = image;
  const rgb = (x: number, y: number): [number, number, number] => {
    const i = (Math.round(y) * width + Math.round(x)) * 4;
    return [data[i]!, data[i + 1]!, data[i + 2]!];
  };
  const parse = (hex: string) =>
    [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16)) as [
      number,
      number,
      number,
    ];
  const close = (a: readonly number[], b: readonly number[], tolerance: number) =>
    a.every((value, i) => Math.abs(value - b[i]!) <= tolerance);
  return {
    width,
    height,
    hex(x, y) {
      return `#${rgb(x, y)
        .map((v) => v.toString(16).padStart(2, '0'))
        .join('')}`;
    },
    hasNear(x, y, colour, radius = 2, tolerance = 24) {
      const target = parse(colour);
      for (let dy = -radius; dy <= radius; dy++) {
        for (let dx = -radius; dx <= radius; dx++) {
          const px = Math.round(x) + dx;
          const py = Math.round(y) + dy;
          if (px < 0 || py < 0 || px >= width || py >= height) continue;
          if (close(rgb(px, py), target, tolerance)) return true;
        }
      }
      return false;
    },
    count(colour, box = { x: 0, y: 0, width, height }, tolerance = 24) {
      const target = parse(colour);
      let n = 0;
      for (let y = Math.max(0, Math.floor(box.y)); y < Math.min(height, box.y + box.height); y++) {
        for (let x = Math.max(0, Math.floor(box.x)); x < Math.min(width, box.x + box.width); x++) {
          if (close(rgb(x, y), target, tolerance)) n++;
        }
      }
      return n;
    },
    distinctColours() {
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4)
        seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      return seen.size;
    },
  };
}
