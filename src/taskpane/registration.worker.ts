/**
 * The Web Worker of "Registratie inlezen" (webpack entry `registration.worker`, dist/registration.worker.js): reads the
 * team's records and computes MKBA 2.0, 3.0 and the case analysis (registrationJob.ts) off the pane's thread, posting
 * its progress and the plan of the sheets to write. To cancel, the pane terminates the worker: nothing is written.
 */
import { RegistrationMessage, RegistrationRequest, runRegistrationJob } from "./registrationJob";

// The worker's global scope (the project's TypeScript lib is DOM, not WebWorker).
const scope = self as unknown as { onmessage: ((event: { data: RegistrationRequest }) => void) | null; postMessage(message: RegistrationMessage): void };

scope.onmessage = (event) => {
  try {
    runRegistrationJob(event.data, (message) => scope.postMessage(message));
  } catch (error) {
    scope.postMessage({ type: "refused", message: `interne fout: ${(error as Error).message}` });
  }
};
