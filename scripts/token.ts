import { isProduction, jwtSecret, Role, signToken, tokenMaxLifetimeSeconds, TOKEN_ROLES } from "@camau/shared";
import { parseArgs } from "node:util";

/**
 * `npm run token -- --role OFFICER [--cooperative UUID] [--subject name] [--expires 8h]`
 * prints a bearer token signed with JWT_SECRET (the development secret when unset, which is
 * refused under NODE_ENV=production). Only the token goes to stdout, so it can be captured.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DURATION = /^\d+[smhd]$/;
const USAGE = `usage: npm run token -- --role <${TOKEN_ROLES.join("|")}> [--cooperative <uuid>] [--subject <name>] [--expires <30m|8h|12h>]`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function main(): void {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        role: { type: "string" },
        cooperative: { type: "string" },
        subject: { type: "string" },
        expires: { type: "string", default: "8h" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const role = String(values.role ?? "").toUpperCase();
  if (!role) fail("--role is required");
  if (!(TOKEN_ROLES as readonly string[]).includes(role)) fail(`unknown role "${values.role}"`);
  const cooperative = values.cooperative as string | undefined;
  if (role === Role.COOPERATIVE_MANAGER && !cooperative) fail("a COOPERATIVE_MANAGER token needs --cooperative <cooperative id>");
  if (cooperative !== undefined && role !== Role.COOPERATIVE_MANAGER) fail("--cooperative only applies to COOPERATIVE_MANAGER");
  if (cooperative !== undefined && !UUID.test(cooperative)) fail(`--cooperative must be a cooperative id (a UUID), got "${cooperative}"`);
  const expires = String(values.expires);
  if (!DURATION.test(expires)) fail(`--expires must look like 30m, 8h or 7d, got "${expires}"`);
  const lifetime = Number(expires.slice(0, -1)) * { s: 1, m: 60, h: 3600, d: 86400 }[expires.slice(-1) as "s" | "m" | "h" | "d"];
  if (lifetime > tokenMaxLifetimeSeconds()) fail(`--expires ${expires} is longer than the ${tokenMaxLifetimeSeconds()} s a token may live (TOKEN_MAX_LIFETIME_S)`);
  if (isProduction() && !process.env.JWT_SECRET) fail("NODE_ENV=production: set JWT_SECRET; the development secret is refused");

  let secret: string;
  try {
    secret = jwtSecret();
  } catch (error) {
    fail((error as Error).message);
  }
  const token = signToken(
    { sub: (values.subject as string | undefined) ?? `dev-${role.toLowerCase()}`, role: role as Role, cooperativeId: cooperative?.toLowerCase() },
    { expiresIn: expires as `${number}h`, secret },
  );
  process.stdout.write(`${token}\n`);
  if (process.stderr.isTTY) process.stderr.write(`\n${role} token, valid ${expires}. Send it as the header:  Authorization: Bearer <token>\n`);
}

main();
