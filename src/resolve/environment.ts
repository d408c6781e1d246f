/** One source of variables, such as a .env file or the process environment. */
export interface EnvironmentLayer {
  /** Where the values come from, for messages: "the process environment", "./.env". */
  readonly origin: string;
  readonly variables: Readonly<Record<string, string | undefined>>;
}

/** Variables looked up through layers, where a later layer wins over an earlier one. */
export interface Environment {
  lookup(name: string): string | undefined;
  /** Names where each variable was found, for messages that must not show the value. */
  originOf(name: string): string | undefined;
  /** The origins consulted, in the order they were applied. */
  readonly origins: readonly string[];
}

/** Combines layers; pass them from lowest to highest precedence. */
export function layerEnvironments(layers: readonly EnvironmentLayer[]): Environment {
  const find = (name: string): EnvironmentLayer | undefined => {
    for (let index = layers.length - 1; index >= 0; index -= 1) {
      const layer = layers[index]!;
      if (Object.prototype.hasOwnProperty.call(layer.variables, name) && layer.variables[name] !== undefined) {
        return layer;
      }
    }
    return undefined;
  };
  return {
    lookup: (name) => find(name)?.variables[name],
    originOf: (name) => find(name)?.origin,
    origins: layers.map((layer) => layer.origin),
  };
}
