/**
 * zod without its compiled fast path (jitless) in the CLI, imported before anything else: a command parses a model
 * once, and compiling each object schema's parser with `new Function` costs more (about 30 ms at every start) than
 * it saves on one parse. The results are the same either way; only the add-in, which parses many times, keeps it.
 */
import { z } from "zod";

z.config({ jitless: true });
