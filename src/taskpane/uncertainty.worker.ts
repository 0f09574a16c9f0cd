/**
 * The Web Worker of the task pane's uncertainty actions (webpack entry `uncertainty.worker`, dist/uncertainty.worker.js):
 * runs a tornado or a Monte Carlo run (uncertaintyJob.ts) off the pane's thread and posts its progress and result. To
 * cancel, the pane terminates the worker: nothing is written, because only the pane writes, and only a result.
 */
import { JobMessage, JobRequest, runJob } from "./uncertaintyJob";

// The worker's global scope (the project's TypeScript lib is DOM, not WebWorker).
const scope = self as unknown as { onmessage: ((event: { data: JobRequest }) => void) | null; postMessage(message: JobMessage): void };

scope.onmessage = (event) => {
  try {
    runJob(event.data, (message) => scope.postMessage(message));
  } catch (error) {
    scope.postMessage({ type: "problems", problems: [{ path: "(rekenkern)", message: `interne fout: ${(error as Error).message}` }] });
  }
};
