/**
 * Thrown at construction when an option is missing or invalid. `option` names the option
 * and `envVar` the environment variable that can supply it. Never carries a credential.
 */
export class ClickSendConfigError extends Error {
  override readonly name = "ClickSendConfigError";
  readonly option: string;
  readonly envVar: string | undefined;

  constructor(message: string, option: string, envVar?: string) {
    super(message);
    this.option = option;
    this.envVar = envVar;
  }
}
