/** The fictional demo group: loaded into an empty database on first start, or by the CLI. */
export { isEmpty, seedDemo } from './demo.seed.js';
