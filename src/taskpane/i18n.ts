/** The task pane's texts: Dutch first, English by choice (the choice is kept in the browser's localStorage). */
import { isPending } from "../office/officeApi";

export type Language = "nl" | "en";

const nl = {
  subtitle: "Maatschappelijke kosten-batenanalyse",
  language: "English",
  languageLabel: "Switch to English",
  outside: "Dit taakvenster werkt in Excel. Laad de invoegtoepassing in Excel: Invoegen › Invoegtoepassingen › Mijn invoegtoepassingen › Mijn invoegtoepassing uploaden › kies manifest.xml (of: npm run start:desktop).",
  ready: "Verbonden met Excel.",
  start: "Beginnen",
  newLpbl: "Nieuw LPBL-model",
  newFree: "Nieuw vrij model",
  example: "Voorbeeld",
  load: "Voorbeeld laden",
  importFile: "Importeren (.mkba.json)",
  exportFile: "Exporteren",
  results: "Uitkomsten (basisvariant)",
  form: "Invoer",
  audit: "Controle",
  auditButton: "Rekenblad en Controle schrijven",
  auditHelp: "Schrijft de hele berekening als gewone Excel-formules (Rekenblad) naast de uitkomsten van de rekenkern (Controle).",
  functions: "Functies",
  confirmTitle: "Werk van u overschrijven?",
  confirmText: "Deze cellen of bladen bevatten iets van u dat anders is dan wat de invoegtoepassing wil schrijven:",
  userSheet: "een eigen blad met deze naam (wordt bewaard als \"(eigen)\")",
  overwrite: "Overschrijven",
  cancel: "Annuleren",
  written: "Geschreven: ",
  cancelled: "Geannuleerd: er is niets veranderd.",
  invalid: "Het model klopt niet:",
  noModel: "Begin een model of laad een voorbeeld; daarna verschijnt hier het invoerscherm.",
  outdated: "Deze werkmap is gemaakt met een oudere versie van de invoegtoepassing. Werk haar bij: de uitvoerbladen worden opnieuw geschreven uit het model zoals het nu in de werkmap staat; uw invoer blijft.",
  migrate: "Werkmap bijwerken",
  newer: "Deze werkmap is gemaakt met een nieuwere versie van de invoegtoepassing (werkmapversie {v}). Werk de invoegtoepassing bij; deze versie laat de werkmap ongemoeid.",
  reconnected: "Model uit deze werkmap gelezen.",
  exported: "Geëxporteerd: ",
  working: "Bezig…",
  calculating: "wordt berekend…",
  result_saldo: "Saldo (NCW)",
  result_ratio: "Baten-kostenratio, maatschappelijk",
  result_ratio_financieel: "Baten-kostenratio, financieel",
  result_ratio_gemeentelijk: "Baten-kostenratio, gemeentelijk",
  result_fte_nodig: "Benodigde fte (bereik × caseload)",
  result_fte_ingevoerd: "Ingevoerde fte",
  result_hh_bediend: "Bediende huishoudens",
  result_invloed_1: "Grootste invloed op het saldo (1)",
  result_invloed_2: "Grootste invloed op het saldo (2)",
  result_invloed_3: "Grootste invloed op het saldo (3)",
  // The tornado's outcome list: short enough for the select at 320 px.
  outcome_saldo: "Saldo (NCW)",
  outcome_ratio: "B/K-ratio, maatschappelijk",
  outcome_ratio_financieel: "B/K-ratio, financieel",
  outcome_ratio_gemeentelijk: "B/K-ratio, gemeentelijk",
  uncertainty: "Onzekerheid",
  uncertaintyHelp: "De verdelingen per parameter staan op het blad Onzekerheid; pas ze daar aan. De berekening loopt op de achtergrond en schrijft haar uitkomsten op het blad Tornado of Monte Carlo.",
  tornadoButton: "Gevoeligheid (tornado)",
  monteCarloButton: "Monte Carlo",
  runs: "Trekkingen",
  seed: "Seed",
  lhs: "Latin hypercube (anders gewone aselecte trekking)",
  stop: "Stoppen",
  monteCarloRunning: "Monte Carlo: {p}% van de trekkingen gedaan",
  tornadoRunning: "Tornado wordt berekend…",
  runStopped: "Gestopt: er is niets geschreven.",
  runsInvalid: "Trekkingen: een geheel getal van 1 tot en met 1.000.000 (bijvoorbeeld 10.000).",
  seedInvalid: "Seed: een geheel getal van 0 tot en met 4.294.967.295.",
  runFailed: "De berekening is mislukt: ",
  monteCarloDone: "Monte Carlo ({n} trekkingen, seed {s}): P(saldo > 0) = {p}, P50 van het saldo {m}. ",
  tornadoDone: "Tornado: de grootste invloed heeft {label}. ",
  uncertaintyInvalid: "Het blad Onzekerheid klopt niet:",
  tornadoOutcome: "Uitkomst van de tornado",
} as const;

export type Texts = { readonly [K in keyof typeof nl]: string };

const en: Texts = {
  subtitle: "Social cost-benefit analysis",
  language: "Nederlands",
  languageLabel: "Schakel naar Nederlands",
  outside: "This task pane runs inside Excel. Side-load the add-in in Excel: Insert › Add-ins › My Add-ins › Upload My Add-in › choose manifest.xml (or: npm run start:desktop).",
  ready: "Connected to Excel.",
  start: "Start",
  newLpbl: "New LPBL model",
  newFree: "New free model",
  example: "Example",
  load: "Load example",
  importFile: "Import (.mkba.json)",
  exportFile: "Export",
  results: "Results (base case)",
  form: "Input",
  audit: "Audit",
  auditButton: "Write Rekenblad and Controle",
  auditHelp: "Writes the whole calculation as plain Excel formulas (Rekenblad) beside the engine's results (Controle).",
  functions: "Functions",
  confirmTitle: "Overwrite your work?",
  confirmText: "These cells or sheets hold something of yours that differs from what the add-in would write:",
  userSheet: "a sheet of your own with this name (kept as \"(eigen)\")",
  overwrite: "Overwrite",
  cancel: "Cancel",
  written: "Written: ",
  cancelled: "Cancelled: nothing was changed.",
  invalid: "The model is not valid:",
  noModel: "Start a model or load an example; its input screen then appears here.",
  outdated: "This workbook was made by an older version of the add-in. Update it: the output sheets are rewritten from the model as it now stands in the workbook; your input stays.",
  migrate: "Update workbook",
  newer: "This workbook was made by a newer version of the add-in (workbook version {v}). Update the add-in; this version leaves the workbook as it is.",
  reconnected: "Model read from this workbook.",
  exported: "Exported: ",
  working: "Working…",
  calculating: "calculating…",
  result_saldo: "Balance (NPV)",
  result_ratio: "Benefit-cost ratio, social",
  result_ratio_financieel: "Benefit-cost ratio, financial",
  result_ratio_gemeentelijk: "Benefit-cost ratio, municipal",
  result_fte_nodig: "FTE needed (reach × caseload)",
  result_fte_ingevoerd: "FTE entered",
  result_hh_bediend: "Households served",
  result_invloed_1: "Largest influence on the balance (1)",
  result_invloed_2: "Largest influence on the balance (2)",
  result_invloed_3: "Largest influence on the balance (3)",
  outcome_saldo: "Balance (NPV)",
  outcome_ratio: "B/C ratio, social",
  outcome_ratio_financieel: "B/C ratio, financial",
  outcome_ratio_gemeentelijk: "B/C ratio, municipal",
  uncertainty: "Uncertainty",
  uncertaintyHelp: "The distribution of each parameter is on the sheet Onzekerheid; edit it there. The calculation runs in the background and writes its results on the sheet Tornado or Monte Carlo.",
  tornadoButton: "Sensitivity (tornado)",
  monteCarloButton: "Monte Carlo",
  runs: "Runs",
  seed: "Seed",
  lhs: "Latin hypercube (else plain random sampling)",
  stop: "Stop",
  monteCarloRunning: "Monte Carlo: {p}% of the runs done",
  tornadoRunning: "Computing the tornado…",
  runStopped: "Stopped: nothing was written.",
  runsInvalid: "Runs: a whole number from 1 to 1,000,000 (for example 10,000).",
  seedInvalid: "Seed: a whole number from 0 to 4,294,967,295.",
  runFailed: "The calculation failed: ",
  monteCarloDone: "Monte Carlo ({n} runs, seed {s}): P(balance > 0) = {p}, P50 of the balance {m}. ",
  tornadoDone: "Tornado: the largest influence is {label}. ",
  uncertaintyInvalid: "The sheet Onzekerheid is not valid:",
  tornadoOutcome: "Outcome of the tornado",
};

export const TEXTS: Readonly<Record<Language, Texts>> = { nl, en };

/** Dutch number formats for the key results: € 1.234, 0,14 and 3,56 (English: € 1,234, 0.14 and 3.56); text as it is. */
export function formatResult(value: unknown, format: "euro" | "ratio" | "getal" | "tekst", language: Language): string {
  // A custom function still calculating (#BUSY!): onCalculated brings the figure.
  if (isPending(value)) return TEXTS[language].calculating;
  if (typeof value !== "number") return value === null || value === "" ? "—" : String(value);
  const locale = language === "nl" ? "nl-NL" : "en-GB";
  if (format === "euro") return `€ ${Math.round(value).toLocaleString(locale)}`;
  if (format === "getal") return value.toLocaleString(locale, { maximumFractionDigits: 2 });
  return value.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A field's value as the analyst reads it: shares as percentages. */
export function formatField(value: unknown, percent: boolean, language: Language): string {
  if (typeof value !== "number") return value === null || value === undefined ? "" : String(value);
  const locale = language === "nl" ? "nl-NL" : "en-GB";
  return percent ? `${(Math.round(value * 1e8) / 1e6).toLocaleString(locale, { maximumFractionDigits: 6 })}%` : value.toLocaleString(locale, { maximumFractionDigits: 10, useGrouping: false });
}
