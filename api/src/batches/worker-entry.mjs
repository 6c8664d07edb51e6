// The batch worker thread's entry. The API is TypeScript run through tsx; a worker thread does not
// inherit the parent's module hooks, so it registers tsx itself before loading the worker module.
import { register } from 'tsx/esm/api';

register();
const { default: parseInWorker } = await import('./batch-worker.ts');

export default parseInWorker;
