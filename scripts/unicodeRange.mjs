// CSS unicode-range, read and written: shared by scripts/make-fonts.mjs and the build's font
// plugin (vite.config.ts).

/**
 * `U+41-43, U+45` → [[0x41, 0x43], [0x45, 0x45]].
 * @param {string} text
 * @returns {[number, number][]}
 */
export function parseUnicodeRange(text) {
  return text
    .split(',')
    .map((part) => part.trim().replace(/^U\+/i, ''))
    .filter(Boolean)
    .map((part) => {
      const [from, to] = part.split('-');
      return /** @type {[number, number]} */ ([parseInt(from, 16), parseInt(to ?? from, 16)]);
    });
}

/**
 * Code points in order → a unicode-range: runs of neighbours joined.
 * @param {readonly number[]} points
 * @returns {string}
 */
export function unicodeRange(points) {
  const parts = [];
  const hex = (p) => p.toString(16).toUpperCase();
  for (let i = 0; i < points.length;) {
    let j = i;
    while (j + 1 < points.length && points[j + 1] === points[j] + 1) j += 1;
    parts.push(i === j ? `U+${hex(points[i])}` : `U+${hex(points[i])}-${hex(points[j])}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/**
 * The ranges less the code points in `taken`, as code points in order.
 * @param {readonly [number, number][]} ranges
 * @param {ReadonlySet<number>} taken
 * @returns {number[]}
 */
export function pointsOutside(ranges, taken) {
  const left = [];
  for (const [from, to] of ranges) {
    for (let point = from; point <= to; point += 1) if (!taken.has(point)) left.push(point);
  }
  return left;
}

/**
 * Whether a code point is in one of the ranges.
 * @param {readonly [number, number][]} ranges
 * @param {number} point
 * @returns {boolean}
 */
export function inRanges(ranges, point) {
  return ranges.some(([from, to]) => point >= from && point <= to);
}
