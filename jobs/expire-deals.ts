// Handler of the hourly `expire-deals` job: lapse ended deal protection and warn before it ends.
import { z } from "zod";
import { expireDeals } from "../models/deals/expiry.ts";
import type { JobHandler } from "./handler.ts";
import { defineHandler } from "./handler.ts";

/** No options: the job always works on the current time (a chosen clock could lapse deals early). */
export const expireDealsPayload = z.strictObject({});

export const expireDealsHandler: JobHandler = defineHandler(expireDealsPayload, async (_data, { db }) => expireDeals(db));
