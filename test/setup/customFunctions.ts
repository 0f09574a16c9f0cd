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
