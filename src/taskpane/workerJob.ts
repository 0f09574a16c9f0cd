/**
 * A long calculation in a Web Worker, as the task pane runs them (tornado and Monte Carlo in Uncertainty.tsx, the
 * registration in Registration.tsx): one worker per run, its progress fractions followed, its one answer handed on,
 * "Stoppen" terminates it (a stopped run hands on nothing), and a worker still running when the pane goes is ended.
 */
import * as React from "react";

/** What a worker posts while it runs; anything else is its answer and ends the run. */
export interface ProgressMessage {
  readonly type: "progress";
  readonly fraction: number;
}

/** A run under way: how far it is, and what it is (`tag`: the action, for the progress text). */
export interface RunningJob<Tag> {
  readonly fraction: number;
  readonly tag: Tag;
}

export function useWorkerJob<Request, Answer extends { type: string }, Tag = null>(url: string) {
  const [running, setRunning] = React.useState<RunningJob<Tag> | null>(null);
  const current = React.useRef<Worker | null>(null);
  React.useEffect(() => () => current.current?.terminate(), []);

  /** Starts a worker with `request`; `onAnswer` gets its answer, `onError` the message of a worker that failed. */
  const run = (request: Request, tag: Tag, handlers: { onAnswer: (answer: Answer) => void; onError: (message: string) => void }) => {
    const worker = new Worker(url);
    current.current = worker;
    setRunning({ fraction: 0, tag });
    const finished = () => {
      worker.terminate();
      if (current.current === worker) current.current = null;
      setRunning(null);
    };
    worker.onmessage = (event: MessageEvent<Answer | ProgressMessage>) => {
      if (current.current !== worker) return;
      const message = event.data;
      if (message.type === "progress") setRunning({ fraction: (message as ProgressMessage).fraction, tag });
      else {
        finished();
        handlers.onAnswer(message as Answer);
      }
    };
    worker.onerror = (event) => {
      if (current.current !== worker) return;
      finished();
      handlers.onError(event.message);
    };
    worker.postMessage(request);
  };

  /** Ends the run under way; false when there was none. */
  const stop = (): boolean => {
    const worker = current.current;
    if (!worker) return false;
    worker.terminate();
    current.current = null;
    setRunning(null);
    return true;
  };

  return { running, run, stop };
}
