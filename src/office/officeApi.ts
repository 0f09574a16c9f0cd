/**
 * What the add-in asks of Office (Office-API): the requirement sets it needs — declared in manifest.xml, so that Office
 * does not load the add-in where they are missing — and the newer members it uses only where Excel has them, each
 * guarded by `isSetSupported`. Every Office.js member the pane uses is listed in docs/testing.md with its set.
 */

/** Declared in manifest.xml (`<Requirements>`): the add-in does not load without them. */
export const REQUIRED_SETS = { ExcelApi: "1.8", CustomFunctionsRuntime: "1.2", SharedRuntime: "1.1" } as const;

/** Newer members, used only where Excel has them; without them the pane does the same in an older way. */
export const OPTIONAL_SETS = {
  /** getCellProperties / setCellProperties, getColumnProperties / setColumnProperties: the rollback restores cell formats and column widths. */
  cellProperties: ["ExcelApi", "1.9"],
  /** Excel.run({ delayForCellEdit: true }): a write waits while the analyst edits a cell instead of failing. */
  delayForCellEdit: ["ExcelApi", "1.11"],
  /** Range.getSpillingToRangeOrNullObject: the rollback leaves a dynamic array's spilled cells to its formula. */
  spills: ["ExcelApi", "1.12"],
  /** WorksheetChangedEventArgs.triggerSource: the add-in's own writes are not taken for the analyst's edits. */
  triggerSource: ["ExcelApi", "1.14"],
} as const;

/** `Office.context.requirements.isSetSupported`, false where Office cannot say (outside Office, in a test without a host). */
export function supports(set: string, version: string): boolean {
  try {
    return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported(set, version) === true;
  } catch {
    return false;
  }
}

export function supportsOptional(name: keyof typeof OPTIONAL_SETS): boolean {
  const [set, version] = OPTIONAL_SETS[name];
  return supports(set, version);
}

/** Excel.run, waiting while the analyst edits a cell (delayForCellEdit, ExcelApi 1.11) where Excel can. */
export function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return supportsOptional("delayForCellEdit") ? Excel.run({ delayForCellEdit: true }, batch) : Excel.run(batch);
}

/** The value Excel shows in a cell whose custom function has not finished calculating. */
export const PENDING = "#BUSY!";

export const isPending = (value: unknown) => value === PENDING;
