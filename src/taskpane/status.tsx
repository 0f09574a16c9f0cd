/**
 * What the task pane says back (status): the outcome of a write or the problems of a model, as a Fluent MessageBar —
 * the pane's status bar at the top and the uncertainty section's note beside its buttons show it the same way.
 */
import * as React from "react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { ModelProblem } from "../engine/model";
import type { WriteOutcome } from "../office/gateway";
import type { Texts } from "./i18n";

export type Status = { intent: "info" | "success" | "warning" | "error"; text: string; details?: string[] };

/** Problems under a heading: the first eight, each with its place. */
export function problemsStatus(text: string, problems: readonly ModelProblem[]): Status {
  return { intent: "error", text, details: problems.slice(0, 8).map((p) => `${p.path}: ${p.message}`) };
}

/** How a write ended: the sheets written (after `prefix`), cancelled, or Excel's message. */
export function writeStatus(texts: Texts, outcome: WriteOutcome, prefix = ""): Status {
  if (outcome.status === "written") return { intent: "success", text: `${prefix}${texts.written}${outcome.sheets.join(", ")}` };
  if (outcome.status === "cancelled") return { intent: "info", text: texts.cancelled };
  return { intent: "error", text: outcome.message };
}

export function StatusBar(props: { status: Status; role: "status" | "note"; testId?: string }) {
  const { status } = props;
  return (
    <MessageBar intent={status.intent} layout="multiline" role={props.role} {...(props.testId ? { "data-testid": props.testId } : {})}>
      <MessageBarBody>
        {status.text}
        {status.details && (
          <ul>
            {status.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
