/** The LPBL MKBA-tool sociale wijkteams as a model type: inputs, key figures, capacity, factors, generator, uncertainty, output screens. */
export * from "./inputs";
export * from "./keyFigures";
export * from "./capacity";
export * from "./factors";
export * from "./model";
export * from "./uncertainty";
export * from "./outputs";
export * from "./runningApproach";
