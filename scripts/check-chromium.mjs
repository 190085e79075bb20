// First step of `npm test`: the data-layer and end-to-end tests need a Chromium; say so at once.
import { chromiumProblem } from './chromium.mjs';

const problem = chromiumProblem();
if (problem) {
  console.error(`\n${problem}\n`);
  process.exit(1);
}
