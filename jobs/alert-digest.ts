// Handler of the hourly `alert-digest` job: each regional lead's daily e-mail digest of unread
// alerts, sent once per lead and local day after 07:00 their time (models/market/digest.ts).
import { z } from "zod";
import { sendAlertDigests } from "../models/market/digest.ts";
import type { JobHandler } from "./handler.ts";
import { defineHandler } from "./handler.ts";

export const alertDigestPayload = z.strictObject({});

export const alertDigestHandler: JobHandler = defineHandler(alertDigestPayload, async (_data, { db }) => sendAlertDigests(db));
