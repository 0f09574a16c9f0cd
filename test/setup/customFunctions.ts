/**
 * A test double for the `CustomFunctions` global that Office provides in the custom-functions runtime:
 * the error class and its codes, and `associate` recording what would be registered.
 */
class CustomFunctionsErrorDouble extends Error {
  constructor(
    public readonly code: string,
    message?: string,
  ) {
    super(message);
    this.name = "CustomFunctions.Error";
    if (message === undefined) Object.defineProperty(this, "message", { value: undefined });
  }
}

const associated = new Map<string, unknown>();

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: CustomFunctionsErrorDouble,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  },
  associate: (id: string, fn: unknown) => associated.set(id, fn),
  associated,
};

/**
 * The requirement sets of the custom-functions runtime, as Office answers them in a current Excel: the functions'
 * errors use every code CustomFunctionsRuntime 1.3 allows (excelValues.ts). Tests that load Office.js's client
 * (test/support/officeHost/officeJsInNode.ts) replace this `Office` with the client's own.
 */
const g = globalThis as unknown as { Office?: unknown };
g.Office ??= { context: { requirements: { isSetSupported: (set: string, version?: string) => set === "CustomFunctionsRuntime" && Number(version ?? "1") <= 1.4 } } };
