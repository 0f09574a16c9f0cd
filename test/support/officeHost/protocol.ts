/**
 * The request protocol of Office.js's Excel client ("RichApi"), answered in Node: what `context.sync()` sends and what
 * it expects back. The client (`@microsoft/office-js`'s excel-web-16.00.debug.js, unmodified) posts a batch as JSON to
 * `<url>/ProcessQuery?flags=N` when its request context has an http(s) URL (`HttpRequestExecutor`):
 *
 * - `ObjectPaths`: how each proxy object is reached — 1 the root (workbook), 2 a new object by type name, 3 a method
 *   of the parent (`GetItem("Invoer")`), 4 a property of the parent (`Worksheets`), 5 an indexer (`worksheets[id]`),
 *   6 a reference id the host handed out, 7 a null object;
 * - `Actions`, run in order: 1 instantiate a path (answer `null` for a null object, else `{}`), 2 query (load: the
 *   selected properties under their wire names, `_Items` for a collection), 3 a method, 4 a property set, 5 a trace
 *   marker (its id goes back in `TraceIds`), 7 query as JSON, 9 update (several property sets).
 *
 * The answer is `{ Results: [{ ActionId, Value }], TraceIds, Error? }`; an error stops the batch at the failing action
 * and keeps what ran before it (Excel does not roll a batch back), with `Error.ActionIndex` so that the client names
 * the statement in `debugInfo`. Objects are `HostObject`s (excelObjects.ts); a member the host does not implement is
 * answered with Excel's own `NotImplemented` error, so that a gap is loud instead of a silent success.
 */

export interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}

export interface ArgumentInfo {
  Arguments?: unknown[];
  ReferencedObjectPathIds?: unknown[];
}

export interface RequestAction {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: QueryInfo;
  ObjectState?: Record<string, unknown>;
}

export interface QueryInfo {
  Select?: string[];
  Expand?: string[];
  Top?: number;
  Skip?: number;
}

export interface RequestBody {
  Actions?: RequestAction[];
  ObjectPaths?: Record<string, ObjectPathInfo>;
  AutoKeepReference?: boolean;
}

export interface ResponseError {
  Code: string;
  Message: string;
  HttpStatusCode: number;
  Location: string;
  ActionIndex: number;
}

export interface ResponseBody {
  Results: { ActionId: number; Value: unknown }[];
  TraceIds: number[];
  Error?: ResponseError;
}

/** An error in Office's shape: an `Excel.ErrorCodes` code and a message (English, as Excel's API answers). */
export class HostError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatusCode = 400,
  ) {
    super(message);
  }
}

export const notImplemented = (className: string, member: string) =>
  new HostError("NotImplemented", `${className}.${member} is not implemented by the test host (test/support/officeHost).`, 501);

/** An object of the host's object model, as the protocol reaches it. */
export interface HostObject {
  readonly className: string;
  /** True for a null object (`…OrNullObject` that found nothing, or anything reached from one). */
  readonly isNull: boolean;
  property(name: string): HostObject;
  invoke(name: string, args: unknown[]): unknown;
  setProperty(name: string, value: unknown): void;
  query(query: QueryInfo): unknown;
  indexer(args: unknown[]): HostObject;
  /**
   * What identifies the object to the client, sent with its instantiation and its loads: `{ Id }` for a worksheet or
   * chart, `{ _Id }` for a setting or name (the client rebuilds the object's path from it, e.g. after `worksheets.add`).
   */
  identity(): Record<string, unknown>;
}

/** The null object: everything reached from it is null, sets and method calls do nothing, loads answer null. */
export class NullObject implements HostObject {
  readonly isNull = true;
  constructor(readonly className: string) {}
  property(name: string): HostObject {
    return new NullObject(`${this.className}.${name}`);
  }
  invoke(): unknown {
    return null;
  }
  setProperty(): void {}
  query(): unknown {
    return null;
  }
  indexer(): HostObject {
    return this;
  }
  identity(): Record<string, unknown> {
    return {};
  }
}

export interface ProtocolHooks {
  /** Called before each action on an object (for injected failures and the call log); may throw a HostError. */
  beforeAction?(action: { kind: "instantiate" | "query" | "method" | "set"; object: HostObject; member: string; args: unknown[] }): void;
  /** A new object by type name (ObjectPathType 2), or null when the host has none. */
  newObject?(typeName: string): HostObject | null;
}

const isHostObject = (value: unknown): value is HostObject =>
  typeof value === "object" && value !== null && typeof (value as HostObject).property === "function" && typeof (value as HostObject).invoke === "function";

/** Runs one request against the root object, in order, and answers what the client expects. */
export function executeRequest(root: HostObject, body: RequestBody, hooks: ProtocolHooks = {}): ResponseBody {
  const paths = body.ObjectPaths ?? {};
  const actions = body.Actions ?? [];
  const resolved = new Map<number, HostObject>();
  const results: ResponseBody["Results"] = [];
  const traceIds: number[] = [];

  const decode = (args: unknown[] | undefined, refs: unknown[] | undefined, depth = 0): unknown[] => {
    if (!args) return [];
    if (depth > 4) throw new HostError("InvalidArgument", "Arguments are nested too deeply.");
    return args.map((arg, i) => {
      const ref = refs?.[i];
      if (Array.isArray(ref) && Array.isArray(arg)) return decode(arg, ref, depth + 1);
      if (typeof ref === "number" && ref !== 0) return resolve(ref);
      return arg;
    });
  };

  const resolve = (id: number): HostObject => {
    const known = resolved.get(id);
    if (known) return known;
    const info = paths[String(id)];
    if (!info) throw new HostError("InvalidObjectPath", `Object path ${id} is not in the request.`);
    const parent = () => {
      if (info.ParentObjectPathId === undefined) throw new HostError("InvalidObjectPath", `Object path ${id} has no parent.`);
      return resolve(info.ParentObjectPathId);
    };
    let object: HostObject;
    switch (info.ObjectPathType) {
      case 1:
        object = root;
        break;
      case 2: {
        const made = hooks.newObject?.(info.Name) ?? null;
        if (!made) throw notImplemented(info.Name, "(new object)");
        object = made;
        break;
      }
      case 3: {
        const p = parent();
        const args = decode(info.ArgumentInfo?.Arguments, info.ArgumentInfo?.ReferencedObjectPathIds);
        if (p.isNull) object = new NullObject(`${p.className}.${info.Name}`);
        else {
          hooks.beforeAction?.({ kind: "method", object: p, member: info.Name, args });
          const result = p.invoke(info.Name, args);
          if (!isHostObject(result)) throw new HostError("InvalidArgument", `${p.className}.${info.Name} does not return an object.`);
          object = result;
        }
        break;
      }
      case 4:
        object = parent().property(info.Name);
        break;
      case 5: {
        const p = parent();
        object = p.isNull ? p : p.indexer(decode(info.ArgumentInfo?.Arguments, info.ArgumentInfo?.ReferencedObjectPathIds));
        break;
      }
      case 6:
        throw new HostError("InvalidObjectPath", `The reference ${info.Name} is unknown (this host hands out no references).`);
      case 7:
        object = new NullObject("(null)");
        break;
      default:
        throw new HostError("InvalidObjectPath", `Object path type ${info.ObjectPathType} is unknown.`);
    }
    resolved.set(id, object);
    return object;
  };

  for (let index = 0; index < actions.length; index++) {
    const action = actions[index]!;
    try {
      let value: unknown = null;
      switch (action.ActionType) {
        case 1: {
          const object = resolve(action.ObjectPathId);
          hooks.beforeAction?.({ kind: "instantiate", object, member: "", args: [] });
          value = object.isNull ? null : object.identity();
          break;
        }
        case 2:
        case 7: {
          const object = resolve(action.ObjectPathId);
          hooks.beforeAction?.({ kind: "query", object, member: (action.QueryInfo?.Select ?? []).join(","), args: [] });
          value = object.isNull ? null : object.query(action.QueryInfo ?? {});
          break;
        }
        case 3: {
          const object = resolve(action.ObjectPathId);
          const args = decode(action.ArgumentInfo?.Arguments, action.ArgumentInfo?.ReferencedObjectPathIds);
          if (action.Name === "_KeepReference" || object.isNull) break;
          hooks.beforeAction?.({ kind: "method", object, member: action.Name, args });
          const result = object.invoke(action.Name, args);
          value = isHostObject(result) ? {} : (result ?? null);
          break;
        }
        case 4: {
          const object = resolve(action.ObjectPathId);
          const [v] = decode(action.ArgumentInfo?.Arguments, action.ArgumentInfo?.ReferencedObjectPathIds);
          if (object.isNull) break;
          hooks.beforeAction?.({ kind: "set", object, member: action.Name, args: [v] });
          object.setProperty(action.Name, v);
          break;
        }
        case 5:
          traceIds.push(action.Id);
          break;
        case 9: {
          const object = resolve(action.ObjectPathId);
          if (object.isNull) break;
          for (const [k, v] of Object.entries(action.ObjectState ?? {})) {
            hooks.beforeAction?.({ kind: "set", object, member: k, args: [v] });
            object.setProperty(k.charAt(0).toUpperCase() + k.slice(1), v);
          }
          break;
        }
        default:
          throw new HostError("NotImplemented", `Action type ${action.ActionType} is not implemented by the test host.`, 501);
      }
      results.push({ ActionId: action.Id, Value: value });
    } catch (error) {
      const e = error instanceof HostError ? error : new HostError("GeneralException", `Internal error in the test host: ${(error as Error).message}`, 500);
      if (!(error instanceof HostError)) e.stack = (error as Error).stack;
      return {
        Results: results,
        TraceIds: traceIds,
        Error: { Code: e.code, Message: e.message, HttpStatusCode: e.httpStatusCode, Location: action.Name || "", ActionIndex: index },
      };
    }
  }
  return { Results: results, TraceIds: traceIds };
}
