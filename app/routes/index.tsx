// "/": signed-in users go to their dashboard, everyone else to the login page.
import { redirect } from "react-router";
import { homePathFor, optionalUser } from "../auth.server.ts";
import type { Route } from "./+types/index";

export function loader({ context }: Route.LoaderArgs) {
  const user = optionalUser(context);
  throw redirect(user ? homePathFor(user) : "/login");
}
