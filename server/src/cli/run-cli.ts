import { ConfigError } from '../config/config';

/**
 * Runs a command's main and exits with its code. A configuration error prints its own message
 * (which names the variable); anything else prints the error and exits 1.
 */
export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof ConfigError ? error.message : error);
      process.exit(1);
    },
  );
}
