import { fileURLToPath } from 'node:url';
import { renderMetricChart } from '../metric-chart.js';
import { renderTraceTimeline } from '../trace-timeline.js';
import { exampleMetricChart, exampleTraceTimeline } from './example-data.js';

/** The repository's docs/images folder (the same from src/docs and dist/docs). */
export const DOC_IMAGES_DIR = fileURLToPath(new URL('../../../../docs/images/', import.meta.url));

/** The example charts the docs show, by file name, rendered from fixed example data. */
export function docImages(): { file: string; png: Buffer }[] {
  return [
    { file: 'metric-curves.png', png: renderMetricChart(exampleMetricChart()) },
    { file: 'trace-timeline.png', png: renderTraceTimeline(exampleTraceTimeline()) },
  ];
}
