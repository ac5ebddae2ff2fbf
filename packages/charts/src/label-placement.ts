/** An axis-aligned box in pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Whether two boxes overlap (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Whether `inner` lies wholly inside `outer`. */
export function contains(outer: Box, inner: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/**
 * Greedy placement of annotation labels: each label takes the first of its candidate boxes that
 * stays inside `area` and clear of every box taken so far. A label with no free candidate is
 * dropped rather than drawn over another (the legend repeats every value anyway).
 */
export class LabelPlacer {
  private readonly taken: Box[] = [];

  constructor(private readonly area: Box) {}

  /** Marks a box as occupied (markers, the legend) without placing a label there. */
  reserve(box: Box): void {
    this.taken.push(box);
  }

  /** The first free candidate, now taken; undefined when every candidate collides. */
  place(candidates: readonly Box[]): Box | undefined {
    const free = candidates.find(
      (box) => contains(this.area, box) && !this.taken.some((other) => overlaps(box, other)),
    );
    if (free) this.taken.push(free);
    return free;
  }
}
