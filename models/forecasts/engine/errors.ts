// The one error the engine throws: input that cannot be forecast (too short, negative, not finite,
// a malformed or repeated month). Callers show its message as-is.
export class ForecastInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ForecastInputError";
  }
}
