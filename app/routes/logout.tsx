// Signing out: POST only (a GET must not end a session), revokes the session row.
import { redirect } from "react-router";
import { endSession } from "../auth.server.ts";
import type { Route } from "./+types/logout";

export async function action({ request }: Route.ActionArgs) {
  throw redirect("/login", { headers: { "Set-Cookie": await endSession(request) } });
}

export function loader() {
  throw redirect("/dashboard");
}
