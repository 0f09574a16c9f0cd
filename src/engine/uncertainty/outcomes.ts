/**
 * The outcomes a tornado or a Monte Carlo run looks at — the saldo and the three baten-kostenratio's — in one order
 * (the order of the Monte Carlo result's `outcomes` and of the task pane's list), and how to read each from a run of
 * the exact engine or of the float-compiled model.
 */
import type { ModelRun } from "../model";
import type { FastOutcome } from "./fastModel";

export const OUTCOMES = ["saldo", "ratio", "ratio_financieel", "ratio_gemeentelijk"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  saldo: "saldo",
  ratio: "maatschappelijke baten-kostenratio",
  ratio_financieel: "financiële baten-kostenratio",
  ratio_gemeentelijk: "gemeentelijke baten-kostenratio",
};

/** The outcome of a run of the exact engine; null for a ratio the engine leaves empty. */
export function outcomeOf(run: ModelRun, outcome: Outcome): number | null {
  switch (outcome) {
    case "saldo":
      return run.saldo;
    case "ratio":
      return run.ratios.social.value;
    case "ratio_financieel":
      return run.ratios.financial.value;
    case "ratio_gemeentelijk":
      return run.ratios.municipal.value;
  }
}

/** The outcome of an evaluation of the float-compiled model; null for a ratio the exact engine leaves empty. */
export function fastOutcomeOf(r: FastOutcome, outcome: Outcome): number | null {
  switch (outcome) {
    case "saldo":
      return r.saldo;
    case "ratio":
      return r.ratio;
    case "ratio_financieel":
      return r.ratioFinancial;
    case "ratio_gemeentelijk":
      return r.ratioMunicipal;
  }
}
