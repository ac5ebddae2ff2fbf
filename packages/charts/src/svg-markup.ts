/** Attribute values of an SVG element; `undefined` leaves the attribute out. */
export type SvgAttributes = Record<string, string | number | undefined>;

/** Escapes text for SVG content and attribute values (run names and span names are user data). */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Rounds a coordinate to two decimals: enough for anti-aliasing, far shorter markup. */
export function coord(value: number): number {
  return Math.round(value * 100) / 100;
}

/** One SVG element; `children` is markup already built (use `svgText` for plain text). */
export function svgElement(name: string, attributes: SvgAttributes, children?: string): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(
      ([key, value]) => ` ${key}="${typeof value === 'number' ? coord(value) : escapeXml(value)}"`,
    )
    .join('');
  return children === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${children}</${name}>`;
}

/** A `<text>` element holding `content`, escaped. */
export function svgText(content: string, attributes: SvgAttributes): string {
  return svgElement('text', attributes, escapeXml(content));
}

/** The SVG document around `body`, on an opaque white background (PNG viewers differ on alpha). */
export function svgDocument(
  width: number,
  height: number,
  fontFamily: string,
  body: string,
): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" font-family="${escapeXml(fontFamily)}">` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>${body}</svg>`
  );
}
