// The OpenAPI 3.1 description of the JSON API, served at /api/v1/openapi.json. API.md is the
// contract that must not change shape; this document describes everything implemented.
const error = { $ref: "#/components/schemas/Error" };
const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: error } } });

const dealRef = { $ref: "#/components/schemas/Deal" };
const dealResponse = (description: string) => ({ description, content: { "application/json": { schema: { type: "object", properties: { deal: dealRef } } } } });
// Every list reads its page with readPaging (api.server.ts): these bounds and defaults.
const pagingParams = [
  { name: "page", in: "query", schema: { type: "integer", minimum: 1, default: 1 } },
  { name: "pageSize", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
];
const dealIdParam = { name: "dealId", in: "path", required: true, schema: { type: "string", format: "uuid" } };

/** An incentive programme version; budget, author and what it earned are shown to managers only. */
const programSchema = {
  type: "object",
  required: ["id", "key", "version", "name", "kind", "status", "rules", "currency", "effectiveFrom", "effectiveTo"],
  properties: {
    id: { type: "string", format: "uuid" },
    key: { type: "string", description: "Shared by every version of the programme" },
    version: { type: "integer", minimum: 1 },
    name: { type: "string" },
    kind: { enum: ["COMMISSION", "TIERED_REBATE", "SPIFF", "NEW_PRODUCT_FIRST_ORDER", "ACTION_REWARD", "REGIONAL_BOOST", "SEGMENT_ACCELERATOR"] },
    status: { enum: ["DRAFT", "ACTIVE", "ARCHIVED"] },
    rules: { type: "object", description: "The rules of the kind: amounts in minor units of the programme currency, rates in basis points" },
    currency: { type: "string", example: "EUR" },
    effectiveFrom: { type: "string", format: "date" },
    effectiveTo: { type: ["string", "null"], format: "date" },
    budget: { oneOf: [{ $ref: "#/components/schemas/Money" }, { type: "null" }] },
    createdBy: { type: ["object", "null"], properties: { id: { type: "string", format: "uuid" }, name: { type: "string" } } },
    createdAt: { type: "string", format: "date-time" },
    activatedAt: { type: ["string", "null"], format: "date-time" },
    archivedAt: { type: ["string", "null"], format: "date-time" },
    earned: { type: "object", properties: { entries: { type: "integer" }, total: { $ref: "#/components/schemas/Money" } } },
  },
};
const programResponse = (description: string) => ({ description, content: { "application/json": { schema: { type: "object", properties: { program: programSchema } } } } });
const programIdParam = { name: "programId", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const programInput = {
  type: "object",
  properties: {
    key: { type: "string", pattern: "^[a-z0-9][a-z0-9-]{1,62}$" },
    name: { type: "string" },
    kind: programSchema.properties.kind,
    rules: programSchema.properties.rules,
    currency: { type: "string" },
    effectiveFrom: { type: "string", format: "date" },
    effectiveTo: { type: ["string", "null"], format: "date" },
    budget: { oneOf: [{ $ref: "#/components/schemas/Money" }, { type: "null" }] },
  },
};

/** A programme lifecycle step: no body, the version after it (or the new draft), 409 when refused. */
function programStepPath(summary: string, success: "200" | "201") {
  return {
    post: {
      summary,
      parameters: [programIdParam],
      responses: {
        [success]: programResponse(success === "201" ? "The new draft version" : "The version after the step"),
        "403": errorResponse("Only channel managers and admins manage programs"),
        "404": errorResponse("No such program version, or no such step"),
        "409": errorResponse("Not allowed from the version's status (or it would overlap the active version)"),
        "422": errorResponse("The stored rules are invalid"),
      },
    },
  };
}

/** A deal transition: a JSON body, the deal after it, and the refusals every transition shares. */
function transitionPath(summary: string, properties: Record<string, object>, required: string[]) {
  return {
    post: {
      summary,
      parameters: [dealIdParam],
      requestBody: { required: true, content: { "application/json": { schema: { type: "object", required, properties } } } },
      responses: {
        "200": dealResponse("The deal after the transition"),
        "403": errorResponse("The role may not do this"),
        "404": errorResponse("No such deal, or not yours"),
        "409": errorResponse("Not allowed from the deal's current status"),
        "422": errorResponse("Invalid fields"),
      },
    },
  };
}

export const openApiDocument = {
  openapi: "3.1.0",
  info: { title: "Channelwise API", version: "1", description: "Partner relationship management: deals, incentives, scores, forecasts and market alerts." },
  servers: [{ url: "/api/v1" }],
  components: {
    securitySchemes: { session: { type: "apiKey", in: "cookie", name: "cw_session" } },
    schemas: {
      MarketSourceInput: {
        type: "object",
        required: ["name", "url", "kind", "contentType", "schedule"],
        properties: {
          name: { type: "string", maxLength: 120 },
          url: { type: "string", format: "uri", description: "http:// or https://" },
          kind: { enum: ["rss", "html", "js"] },
          contentType: { enum: ["tender", "competitor", "industry"] },
          regionCodes: { type: "array", items: { type: "string" } },
          competitors: { type: "array", items: { type: "string" } },
          keywords: { type: "array", items: { type: "string" } },
          schedule: { type: "string", description: "Five-field cron in UTC, e.g. 0 */6 * * *" },
          enabled: { type: "boolean", default: true },
          selectors: {
            type: "object",
            description: "Required for html and js. CSS selectors relative to item (except item and next); link takes the href of what it selects or of its first a.",
            required: ["item", "title", "link"],
            properties: Object.fromEntries(["item", "title", "link", "date", "summary", "deadline", "value", "location", "reference", "next"].map((k) => [k, { type: "string" }])),
          },
        },
      },
      MarketSource: {
        allOf: [
          { $ref: "#/components/schemas/MarketSourceInput" },
          {
            type: "object",
            properties: {
              id: { type: "string", format: "uuid" },
              canEdit: { type: "boolean" },
              itemCount: { type: "integer", description: "In lists only" },
              createdAt: { type: "string", format: "date-time" },
              updatedAt: { type: "string", format: "date-time" },
              status: {
                type: "object",
                properties: {
                  lastRunAt: { type: ["string", "null"], format: "date-time" },
                  lastSuccessAt: { type: ["string", "null"], format: "date-time" },
                  lastStatus: { type: ["string", "null"], description: "ok, not-modified, or the failure's code (timeout, http_status, blocked_address, robots_disallowed, no_browser…)" },
                  lastError: { type: ["string", "null"] },
                  consecutiveFailures: { type: "integer", description: "Failures in a row; the source then waits 10 min × 2^(n−1), at most 24 h" },
                  nextRunAt: { type: ["string", "null"], format: "date-time" },
                },
              },
            },
          },
        ],
      },
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            properties: { code: { type: "string" }, message: { type: "string" }, fields: { type: "object", additionalProperties: { type: "string" } } },
          },
        },
      },
      User: {
        type: "object",
        required: ["id", "email", "name", "role", "partnerOrgId", "regionCodes"],
        properties: {
          id: { type: "string", format: "uuid" },
          email: { type: "string", format: "email" },
          name: { type: "string" },
          role: { enum: ["PARTNER", "PARTNER_ADMIN", "CHANNEL_MANAGER", "REGIONAL_LEAD", "ADMIN"] },
          partnerOrgId: { type: ["string", "null"], format: "uuid" },
          regionCodes: { type: "array", items: { type: "string" } },
        },
      },
      Money: {
        type: "object",
        required: ["amount", "currency"],
        properties: { amount: { type: "integer", description: "Integer minor units (cents)" }, currency: { type: "string", example: "EUR" } },
      },
      ConflictFinding: {
        type: "object",
        required: ["dealId", "similarity", "reasons"],
        properties: {
          dealId: { type: ["string", "null"], format: "uuid", description: "Null for a partner when the other deal is another organization's" },
          kind: { enum: ["conflict", "related"] },
          similarity: { type: "number", minimum: 0, maximum: 1 },
          score: { type: "number", minimum: 0, maximum: 1 },
          ownOrganization: { type: "boolean" },
          customerName: { type: ["string", "null"] },
          reasons: {
            type: "array",
            items: { type: "object", properties: { code: { type: "string" }, params: { type: "object" }, text: { type: "string" } } },
          },
        },
      },
      Deal: {
        type: "object",
        required: ["id", "partnerOrgId", "status", "customer", "value", "productSkus", "expectedCloseDate", "protectionExpiresAt", "conflicts", "winProbability", "events"],
        properties: {
          id: { type: "string", format: "uuid" },
          partnerOrgId: { type: "string", format: "uuid" },
          title: { type: "string" },
          status: { enum: ["SUBMITTED", "APPROVED", "REJECTED", "WON", "LOST", "EXPIRED"] },
          stage: { type: "string" },
          customer: {
            type: "object",
            properties: { name: { type: "string" }, domain: { type: ["string", "null"] }, country: { type: "string" }, industry: { type: ["string", "null"] } },
          },
          value: { $ref: "#/components/schemas/Money" },
          productSkus: { type: "array", items: { type: "string" } },
          expectedCloseDate: { type: "string", format: "date" },
          submittedAt: { type: "string", format: "date-time" },
          decidedAt: { type: ["string", "null"], format: "date-time" },
          rejectionReason: { type: ["string", "null"] },
          protectionExpiresAt: { type: ["string", "null"], format: "date-time" },
          closedAt: { type: ["string", "null"], format: "date-time" },
          closedValue: { oneOf: [{ $ref: "#/components/schemas/Money" }, { type: "null" }] },
          extensionRequest: { type: ["object", "null"], properties: { requestedAt: { type: "string", format: "date-time" }, reason: { type: "string" } } },
          conflictScore: { type: ["number", "null"] },
          conflicts: { type: "array", items: { $ref: "#/components/schemas/ConflictFinding" } },
          winProbability: {
            type: ["object", "null"],
            description: "Chance the deal is won (0–1) with its strongest reasons, from the `score-deals` model. Null for partner users, for closed deals never scored, and until the deal is scored.",
            properties: { value: { type: "number", minimum: 0, maximum: 1 }, reasons: { type: "array", items: { type: "string" } } },
          },
          events: {
            type: "array",
            items: {
              type: "object",
              properties: { at: { type: "string", format: "date-time" }, actor: { type: ["string", "null"] }, action: { type: "string" }, note: { type: ["string", "null"] } },
            },
          },
        },
      },
      QueueHealth: {
        type: "object",
        properties: {
          queue: { type: "string" },
          created: { type: "integer" },
          active: { type: "integer" },
          completed: { type: "integer" },
          failed: { type: "integer" },
          lastRun: {
            type: ["object", "null"],
            properties: { at: { type: "string", format: "date-time" }, status: { type: "string" }, durationMs: { type: ["integer", "null"] } },
          },
        },
      },
    },
  },
  security: [{ session: [] }],
  paths: {
    "/auth/login": {
      post: {
        summary: "Sign in; sets the session cookie",
        security: [],
        requestBody: {
          required: true,
          content: { "application/json": { schema: { type: "object", required: ["email", "password"], properties: { email: { type: "string" }, password: { type: "string" } } } } },
        },
        responses: {
          "200": { description: "Signed in", content: { "application/json": { schema: { type: "object", properties: { user: { $ref: "#/components/schemas/User" } } } } } },
          "400": errorResponse("Malformed JSON"),
          "401": errorResponse("Wrong e-mail or password"),
          "422": errorResponse("Invalid fields"),
          "429": errorResponse("Rate limited or temporarily locked; see Retry-After"),
        },
      },
    },
    "/auth/logout": { post: { summary: "Sign out; revokes the session", responses: { "204": { description: "Signed out" } } } },
    "/me": {
      get: {
        summary: "The signed-in user",
        responses: {
          "200": { description: "The user", content: { "application/json": { schema: { type: "object", properties: { user: { $ref: "#/components/schemas/User" } } } } } },
          "401": errorResponse("Not signed in"),
        },
      },
    },
    "/deals": {
      get: {
        summary: "The deals the user may see (a partner: their organization's), newest first",
        parameters: [
          { name: "status", in: "query", schema: { enum: ["SUBMITTED", "APPROVED", "REJECTED", "WON", "LOST", "EXPIRED"] } },
          { name: "expiringWithinDays", in: "query", schema: { type: "integer", minimum: 1, maximum: 365 }, description: "Approved deals whose protection ends within this many days" },
          ...pagingParams,
        ],
        responses: {
          "200": { description: "One page", content: { "application/json": { schema: { type: "object", properties: { items: { type: "array", items: dealRef }, total: { type: "integer" } } } } } },
          "400": errorResponse("Invalid query"),
          "401": errorResponse("Not signed in"),
          "403": errorResponse("The role may not read deals"),
        },
      },
      post: {
        summary: "Register a deal (partner users); idempotent per clientRequestId",
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["customer", "title", "value", "productSkus", "expectedCloseDate"],
                properties: {
                  customer: {
                    type: "object",
                    required: ["name", "country"],
                    properties: { name: { type: "string" }, domain: { type: "string" }, country: { type: "string", description: "ISO 3166-1 alpha-2" }, industry: { type: "string" } },
                  },
                  title: { type: "string" },
                  value: { $ref: "#/components/schemas/Money" },
                  productSkus: { type: "array", items: { type: "string" }, minItems: 1 },
                  expectedCloseDate: { type: "string", format: "date" },
                  notes: { type: "string" },
                  clientRequestId: { type: "string", description: "Repeat it to retry safely: the same deal comes back (200) instead of a second one" },
                },
              },
            },
          },
        },
        responses: {
          "201": dealResponse("Registered"),
          "200": dealResponse("Already registered with this clientRequestId"),
          "400": errorResponse("Malformed JSON"),
          "403": errorResponse("Only partner users register deals"),
          "422": errorResponse("Invalid fields"),
        },
      },
    },
    "/deals/conflicts": {
      get: {
        summary: "Possible conflicts before registering; partners never see another organization's deal",
        parameters: [
          { name: "customerName", in: "query", required: true, schema: { type: "string" } },
          { name: "domain", in: "query", schema: { type: "string" } },
          { name: "country", in: "query", required: true, schema: { type: "string" } },
          { name: "products", in: "query", schema: { type: "string" }, description: "Comma-separated SKUs" },
        ],
        responses: {
          "200": { description: "Findings, strongest first", content: { "application/json": { schema: { type: "object", properties: { items: { type: "array", items: { $ref: "#/components/schemas/ConflictFinding" } } } } } } },
          "422": errorResponse("Invalid fields"),
        },
      },
    },
    "/deals/{dealId}": {
      get: {
        summary: "One deal with its conflicts and timeline",
        parameters: [dealIdParam],
        responses: { "200": dealResponse("The deal"), "404": errorResponse("No such deal, or not yours") },
      },
    },
    "/deals/{dealId}/approve": transitionPath("Approve a submitted registration (channel manager, admin)", { note: { type: "string" } }, []),
    "/deals/{dealId}/reject": transitionPath("Reject a submitted registration (channel manager, admin)", { reason: { type: "string" } }, ["reason"]),
    "/deals/{dealId}/close": transitionPath(
      "Close an approved deal as won or lost, with its final value",
      { outcome: { enum: ["WON", "LOST"] }, value: { $ref: "#/components/schemas/Money" } },
      ["outcome"],
    ),
    "/deals/{dealId}/extend": transitionPath("Ask for an extension of the protection (the registering partner)", { reason: { type: "string" } }, ["reason"]),
    "/deals/{dealId}/extension": transitionPath(
      "Approve or refuse a waiting extension request (channel manager, admin)",
      { approve: { type: "boolean" }, note: { type: "string" }, days: { type: "integer", minimum: 1, maximum: 365 } },
      ["approve"],
    ),
    "/incentives/statement": {
      get: {
        summary: "A partner's incentive statement for a period: entries with explanations, totals, tier progress, active SPIFFs (a partner: their own organization only)",
        parameters: [
          { name: "from", in: "query", schema: { type: "string", format: "date" }, description: "First day (UTC); default 1 January of this year" },
          { name: "to", in: "query", schema: { type: "string", format: "date" }, description: "Last day (UTC), inclusive; default today; at most 5 years after from" },
          { name: "partnerOrgId", in: "query", schema: { type: "string", format: "uuid" }, description: "Required for channel managers and admins; a partner may leave it out" },
        ],
        responses: {
          "200": {
            description: "The statement; amounts signed (clawbacks and payouts negative), totals per currency",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["entries", "totals", "tier"],
                  properties: {
                    partner: { type: "object", properties: { id: { type: "string", format: "uuid" }, name: { type: "string" }, regionCode: { type: "string" } } },
                    period: { type: "object", properties: { from: { type: "string", format: "date" }, to: { type: "string", format: "date" } } },
                    entries: {
                      type: "array",
                      items: {
                        type: "object",
                        required: ["id", "at", "kind", "amount", "programId", "explanation"],
                        properties: {
                          id: { type: "string" },
                          at: { type: "string", format: "date-time" },
                          kind: { enum: ["ACCRUAL", "CLAWBACK", "ADJUSTMENT", "PAYOUT"] },
                          amount: { $ref: "#/components/schemas/Money" },
                          programId: { type: ["string", "null"], format: "uuid", description: "Null for manual adjustments and payouts" },
                          dealId: { type: "string", format: "uuid" },
                          explanation: { type: "string" },
                          explanationData: { type: "object", description: "Programme, version, rule, rate, base, deal… as the ledger recorded them" },
                          balanceAfter: { $ref: "#/components/schemas/Money" },
                        },
                      },
                    },
                    totals: {
                      type: "object",
                      description: "Per currency: earned (accruals, clawbacks, adjustments), paid (payouts, positive), balance, opening and closing balance; by kind, month and programme",
                    },
                    tier: { type: ["object", "null"], description: "The first active tiered rebate: { current, next, progress (0..1), volume, amountToNext, … }" },
                    tiers: { type: "array", items: { type: "object" } },
                    spiffs: { type: "array", items: { type: "object" }, description: "Active SPIFFs for the partner's region: bonus, qualifying products, endsOn, daysLeft, remainingBudget" },
                  },
                },
              },
            },
          },
          "400": errorResponse("Invalid from/to, or no partnerOrgId from a channel manager or admin"),
          "401": errorResponse("Not signed in"),
          "403": errorResponse("The role may not read incentive statements"),
          "404": errorResponse("No such partner, or not yours"),
        },
      },
    },
    "/incentives/programs": {
      get: {
        summary: "Incentive programme versions by key, newest version first (a partner: only ACTIVE versions, without budgets)",
        parameters: [
          { name: "status", in: "query", schema: { enum: ["DRAFT", "ACTIVE", "ARCHIVED"] } },
          { name: "kind", in: "query", schema: programSchema.properties.kind },
          ...pagingParams,
        ],
        responses: {
          "200": { description: "{ items, total }", content: { "application/json": { schema: { type: "object", properties: { items: { type: "array", items: programSchema }, total: { type: "integer" } } } } } },
          "400": errorResponse("Invalid query"),
          "403": errorResponse("The role may not read incentive programs"),
        },
      },
      post: {
        summary: "Create a programme as a draft version 1 (channel manager, admin)",
        requestBody: { required: true, content: { "application/json": { schema: { ...programInput, required: ["key", "name", "kind", "rules", "currency", "effectiveFrom"] } } } },
        responses: {
          "201": programResponse("The new draft"),
          "400": errorResponse("Malformed JSON"),
          "403": errorResponse("Only channel managers and admins manage programs"),
          "422": errorResponse("Invalid fields, named by path (rules.tiers.1.fromAmount)"),
        },
      },
    },
    "/incentives/programs/{programId}": {
      get: {
        summary: "One programme version (a partner: ACTIVE versions only)",
        parameters: [programIdParam],
        responses: { "200": programResponse("The version"), "403": errorResponse("The role may not read incentive programs"), "404": errorResponse("No such program version") },
      },
      patch: {
        summary: "Change a draft version in place; the given fields are merged over the stored ones (PUT does the same)",
        parameters: [programIdParam],
        requestBody: { required: true, content: { "application/json": { schema: programInput } } },
        responses: {
          "200": programResponse("The draft after the change"),
          "403": errorResponse("Only channel managers and admins manage programs"),
          "404": errorResponse("No such program version"),
          "409": errorResponse("Not a draft: create a new version instead"),
          "422": errorResponse("Invalid fields"),
        },
      },
      delete: {
        summary: "Delete a draft version",
        parameters: [programIdParam],
        responses: { "204": { description: "Deleted" }, "403": errorResponse("Only channel managers and admins manage programs"), "404": errorResponse("No such program version"), "409": errorResponse("Not a draft") },
      },
    },
    "/incentives/programs/{programId}/activate": programStepPath("Activate a draft; the active version of its key is archived and ends the day before this one starts", "200"),
    "/incentives/programs/{programId}/archive": programStepPath("Archive the active version: it stops paying after today and keeps what it earned", "200"),
    "/incentives/programs/{programId}/new-version": programStepPath("Create the next version of an active or archived programme as a draft copy", "201"),
    "/incentives/programs/{programId}/simulate": {
      post: {
        summary: "What-if: replay the last months under this programme version (any status) next to the active version; writes nothing (channel manager, admin)",
        parameters: [{ name: "programId", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
        requestBody: {
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  months: { type: "integer", minimum: 1, maximum: 36, default: 12 },
                  asOf: { type: "string", description: "End of the replay, ISO 8601 date (its end of day, UTC) or date-time; default now" },
                },
              },
            },
          },
        },
        responses: {
          "200": {
            description: "Cost of each side over the window, the delta, by region, segment, partner (top 20 and the rest) and month, and sample explanations",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["window", "candidate", "active", "delta", "byRegion", "bySegment", "byPartner", "monthly", "samples"],
                  properties: {
                    window: { type: "object", properties: { months: { type: "integer" }, from: { type: "string", format: "date-time" }, to: { type: "string", format: "date-time" } } },
                    candidate: { type: "object", properties: { program: { type: "object" }, totalCost: { $ref: "#/components/schemas/Money" }, entries: { type: "integer" }, partnersPaid: { type: "integer" } } },
                    active: { type: ["object", "null"], description: "The ACTIVE version of the same key, replayed the same way; null when none or it is the one simulated" },
                    delta: { type: ["object", "null"], properties: { amount: { $ref: "#/components/schemas/Money" }, percent: { type: ["number", "null"] } } },
                    byRegion: { type: "array", items: { type: "object" } },
                    bySegment: { type: "array", items: { type: "object" } },
                    byPartner: { type: "object", properties: { top: { type: "array", items: { type: "object" } }, rest: { type: "object" } } },
                    monthly: { type: "array", items: { type: "object" } },
                    samples: { type: "array", items: { type: "object" } },
                  },
                },
              },
            },
          },
          "400": errorResponse("Malformed JSON"),
          "403": errorResponse("Only channel managers and admins simulate programmes"),
          "404": errorResponse("No such programme"),
          "405": errorResponse("Use POST"),
          "422": errorResponse("Invalid months or asOf, or the programme's stored rules are invalid"),
        },
      },
    },
    "/deals/{dealId}/reopen": transitionPath("Reopen a deal closed by mistake; incentives on it are clawed back (channel manager, admin)", { reason: { type: "string" } }, ["reason"]),
    "/deals/{dealId}/refund": transitionPath(
      "Record money given back on a won deal: its closed value drops and incentives follow (channel manager, admin)",
      { refund: { $ref: "#/components/schemas/Money" }, reason: { type: "string" } },
      ["refund", "reason"],
    ),
    "/incentives/adjustments": {
      get: {
        summary: "A partner's manual adjustments and payouts, newest first (partners: their own organization only)",
        parameters: [
          { name: "partnerOrgId", in: "query", required: false, schema: { type: "string", format: "uuid" }, description: "Required for managers; partners default to their own" },
          ...pagingParams,
        ],
        responses: { "200": { description: "{ items, total }" }, "400": errorResponse("Missing or invalid query"), "403": errorResponse("The role may not read incentives"), "404": errorResponse("No such partner, or not yours") },
      },
      post: {
        summary: "Record a manual adjustment (CREDIT or DEBIT, reason required) or a payout (reference required, at most the balance) — channel manager, admin",
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["kind", "partnerOrgId", "amount"],
                properties: {
                  kind: { enum: ["ADJUSTMENT", "PAYOUT"] },
                  partnerOrgId: { type: "string", format: "uuid" },
                  direction: { enum: ["CREDIT", "DEBIT"], description: "ADJUSTMENT only" },
                  amount: { $ref: "#/components/schemas/Money" },
                  reason: { type: "string", description: "Required for ADJUSTMENT (at least 10 characters); the partner reads it" },
                  reference: { type: "string", description: "Required for PAYOUT" },
                  clientRequestId: { type: "string", format: "uuid", description: "A repeat with the same id answers 200 with the first entry" },
                },
              },
            },
          },
        },
        responses: {
          "201": { description: "{ entry }" },
          "200": { description: "{ entry } — a repeated clientRequestId" },
          "403": errorResponse("Only channel managers and admins"),
          "409": errorResponse("A payout above the balance"),
          "422": errorResponse("Invalid fields"),
        },
      },
    },
    "/partners": {
      get: {
        summary: "Partners the user may see (managers and admins: all; regional leads: their regions), with segment, health and churn risk from the latest run",
        parameters: [
          { name: "region", in: "query", schema: { type: "string" } },
          { name: "tier", in: "query", schema: { enum: ["REGISTERED", "SILVER", "GOLD", "PLATINUM"] } },
          { name: "segment", in: "query", schema: { type: "string" }, description: "A segment label of the latest run" },
          { name: "healthBand", in: "query", schema: { enum: ["healthy", "watch", "at-risk"] }, description: "healthy ≥ 70, watch 40–69, at-risk < 40" },
          { name: "q", in: "query", schema: { type: "string" }, description: "Part of the partner's name" },
          { name: "sort", in: "query", schema: { enum: ["churn", "name", "revenue"], default: "churn" } },
          ...pagingParams,
        ],
        responses: {
          "200": { description: "{ items: [{ id, name, region, tier, segment: { label, runId } | null, health: { score, band, reasons } | null, churnRisk: { value, reasons } | null, kpis: { revenue12m, growth } }], total, run: { runId, finishedAt, quality: { silhouette, churnAuc, churnBrier } } | null }" },
          "400": errorResponse("Invalid filters or paging"),
          "403": errorResponse("Partner roles may not list partners"),
        },
      },
    },
    "/partners/{partnerOrgId}": {
      get: {
        summary: "A partner's profile: KPIs, segment, health and churn risk with reasons, and the models' quality",
        description: "Partner users are refused unless the setting partners.showOwnSegment is on; then their own organization answers with segment and health only (churnRisk and kpis null).",
        parameters: [{ name: "partnerOrgId", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
        responses: {
          "200": { description: "{ partner: { id, name, region, tier, segment: { label, runId, description } | null, health: { score, band, reasons: [{ text, feature, direction, weight }] } | null, churnRisk: { value, reasons } | null, model: { runId, finishedAt, quality } | null, kpis } }" },
          "403": errorResponse("Partner roles (while partners.showOwnSegment is off)"),
          "404": errorResponse("No such partner, or outside the user's regions / organization"),
        },
      },
    },
    "/segments": {
      get: {
        summary: "The latest finished segmentation run",
        responses: {
          "200": { description: "{ runId, k, silhouette, segments: [{ label, size, centroid, description }], features, startedAt, finishedAt, quality: { silhouette, churnAuc, churnBrier, churn: { auc, brier, … } } }" },
          "403": errorResponse("Partner roles"),
          "404": errorResponse("no_segment_run: no run has finished yet"),
        },
      },
    },
    "/forecasts": {
      get: {
        summary: "Monthly sales forecasts: one region's latest, or every region the caller may see (managers and admins: all; regional leads: their own)",
        description:
          "Amounts are integer minor units in the region's currency. Points start with the month of the run's asOf date (history is complete months only). backtest is null when the history was too short to backtest; a figure that could not be measured is null. target compares the forecast for the target period (the first 3 forecast months) with the region's target, as the regional boost does.",
        parameters: [{ name: "region", in: "query", schema: { type: "string", pattern: "^[A-Za-z0-9_-]{1,64}$" }, description: "A region code; without it, the list of the caller's regions" }],
        responses: {
          "200": {
            description:
              "With region: { region, regionName, currency, runId, finishedAt, asOf, horizon, model, notes, points: [{ month, p10, p50, p90 }], backtest: { mase, smape, baselineMase, baselineSmape, coverage, origins, horizon } | null, history: [{ month, amount }], target: { amount, period: { from, to, months }, forecast, gapBasisPoints } | null, pipeline: { months: [{ month, amount, deals }], unscoredDeals } | null, otherCurrencyRecords, skipped: [{ regionCode, productLine, reason }], productLines: [{ productLine, model, notes, points, backtest, history }] }. Without region: { items: [the same per region], total, regionsWithoutForecast: [code] }",
          },
          "403": errorResponse("Partner roles"),
          "404": errorResponse("region_not_found: unknown, or not one of a regional lead's regions; no_forecast: no successful run has forecast the region yet"),
          "422": errorResponse("region is not a region code"),
        },
      },
    },
    "/alerts": {
      get: {
        summary: "The signed-in regional lead's own market alerts, newest first, with the unread count",
        description:
          "Each alert: { id, severity: LOW | MEDIUM | HIGH, relevance (0–1), regionCode, regionName, reasons: [text], readAt, createdAt, item: { id, title, url (http(s) or null), summary, contentType: tender | competitor | industry, location, publishedAt, deadline, value: Money | null, sourceName }, recommendedPartners: [{ partnerOrgId, name, score, reasons }] (tenders), forwards: [{ partnerOrgId, partnerName, note, createdAt }] }.",
        parameters: [
          { name: "unread", in: "query", schema: { enum: ["true", "false", "1", "0"] } },
          { name: "severity", in: "query", schema: { enum: ["LOW", "MEDIUM", "HIGH"] } },
          { name: "contentType", in: "query", schema: { enum: ["tender", "competitor", "industry"] } },
          { name: "region", in: "query", schema: { type: "string" } },
          ...pagingParams,
        ],
        responses: {
          "200": { description: "{ items: [alert], total, unreadCount }" },
          "400": errorResponse("invalid_query or invalid_paging"),
          "403": errorResponse("Roles without alerts (partners, channel managers)"),
        },
      },
    },
    "/alerts/{alertId}": {
      get: {
        summary: "One of the lead's own alerts in full",
        parameters: [{ name: "alertId", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
        responses: {
          "200": { description: "{ alert }" },
          "403": errorResponse("Roles without alerts"),
          "404": errorResponse("No such alert, or another lead's"),
        },
      },
    },
    "/alerts/{alertId}/read": {
      post: {
        summary: "Mark one of the lead's own alerts read (again is fine)",
        parameters: [{ name: "alertId", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
        responses: {
          "200": { description: "{ alert: { id, readAt } }" },
          "403": errorResponse("Roles without alerts"),
          "404": errorResponse("No such alert, or another lead's"),
        },
      },
    },
    "/alerts/{alertId}/forward": {
      post: {
        summary: "Forward a tender alert to a partner as a lead",
        description:
          "Notifies every active user of the partner organization (in-app and e-mail) with the tender's title, address and deadline and the note — nothing else of the alert. The partner must be ACTIVE and in one of the lead's regions; once per alert and partner; audited.",
        parameters: [{ name: "alertId", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
        requestBody: {
          required: true,
          content: { "application/json": { schema: { type: "object", required: ["partnerOrgId"], properties: { partnerOrgId: { type: "string", format: "uuid" }, note: { type: ["string", "null"], maxLength: 1000 } } } } },
        },
        responses: {
          "201": { description: "{ forward: { id, partnerOrgId, partnerName, recipients } }" },
          "403": errorResponse("Roles without alerts"),
          "404": errorResponse("No such alert, or another lead's"),
          "409": errorResponse("not_a_tender, or already_forwarded to this partner"),
          "422": errorResponse("validation_failed: partnerOrgId (not an active partner of the lead's regions) or note"),
        },
      },
    },
    "/market/sources": {
      get: {
        summary: "Market sources the caller may see, with their run status (admins and channel managers: all; regional leads: those covering one of their regions or none)",
        parameters: [...pagingParams],
        responses: {
          "200": { description: "{ items: [source with itemCount], total }", content: { "application/json": { schema: { type: "object", properties: { items: { type: "array", items: { $ref: "#/components/schemas/MarketSource" } }, total: { type: "integer" } } } } } },
          "403": errorResponse("Partner roles"),
        },
      },
      post: {
        summary: "Create a market source (admins; regional leads for their own regions only)",
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/MarketSourceInput" } } } },
        responses: {
          "201": { description: "{ source }", content: { "application/json": { schema: { type: "object", properties: { source: { $ref: "#/components/schemas/MarketSource" } } } } } },
          "403": errorResponse("Roles that do not configure sources (partners, channel managers)"),
          "422": errorResponse("invalid_source: fields such as url, schedule (five-field cron, UTC), regionCodes (unknown, or not the lead's), selectors.item"),
        },
      },
    },
    "/market/sources/test": {
      post: {
        summary: "Fetch a source once and return what would be extracted; saves nothing",
        description: "The body is a source as for POST /market/sources; name, schedule and contentType may be left out. Each item carries the keywords and competitors of the body it matches.",
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/MarketSourceInput" } } } },
        responses: {
          "200": { description: "{ status: ok | not-modified, finalUrl, pages, items: [{ title, link, publishedAt, summary, deadline, value, valueAmount: { amountMinor, currency } | null, location, matchedKeywords, matchedCompetitors }] }" },
          "403": errorResponse("Roles that do not configure sources"),
          "422": errorResponse("invalid_source with fields, or fetch_failed: the page could not be fetched or read (the message says why; fields.url repeats it)"),
        },
      },
    },
    "/market/sources/{sourceId}": {
      get: {
        summary: "One market source with its run status",
        parameters: [{ name: "sourceId", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
        responses: {
          "200": { description: "{ source }", content: { "application/json": { schema: { type: "object", properties: { source: { $ref: "#/components/schemas/MarketSource" } } } } } },
          "403": errorResponse("Partner roles"),
          "404": errorResponse("No such source, or outside a regional lead's regions"),
        },
      },
      patch: {
        summary: "Change a source: the fields sent are merged over the stored ones and validated whole (PUT does the same)",
        parameters: [{ name: "sourceId", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/MarketSourceInput" } } } },
        responses: {
          "200": { description: "{ source }" },
          "403": errorResponse("Channel managers; regional leads on a source that covers regions beyond theirs"),
          "404": errorResponse("No such source, or not visible to the caller"),
          "422": errorResponse("invalid_source with fields"),
        },
      },
      delete: {
        summary: "Delete a source with the items it found first and their alerts (switch it off to keep them)",
        parameters: [{ name: "sourceId", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
        responses: {
          "204": { description: "Deleted" },
          "403": errorResponse("As for PATCH"),
          "404": errorResponse("No such source, or not visible to the caller"),
        },
      },
    },
    "/market/sources/{sourceId}/run": {
      post: {
        summary: "Scrape the source now (a scrape-source job), whatever its schedule or back-off",
        parameters: [{ name: "sourceId", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
        responses: {
          "202": { description: "{ jobId }" },
          "403": errorResponse("As for PATCH"),
          "404": errorResponse("No such source, or not visible to the caller"),
          "503": errorResponse("jobs_unavailable: no job queue in this process"),
        },
      },
    },
    "/admin/jobs": {
      get: {
        summary: "Every job queue with counts and its last run (admin)",
        responses: {
          "200": { description: "Queues", content: { "application/json": { schema: { type: "object", properties: { items: { type: "array", items: { $ref: "#/components/schemas/QueueHealth" } } } } } } },
          "401": errorResponse("Not signed in"),
          "403": errorResponse("Not an admin"),
        },
      },
    },
    "/admin/jobs/{queue}/run": {
      post: {
        summary: "Run a job now (admin)",
        parameters: [{ name: "queue", in: "path", required: true, schema: { type: "string" } }],
        requestBody: { content: { "application/json": { schema: { type: "object", properties: { data: { type: "object" } } } } } },
        responses: {
          "202": { description: "Queued", content: { "application/json": { schema: { type: "object", properties: { jobId: { type: "string" } } } } } },
          "404": errorResponse("Unknown queue"),
          "409": errorResponse("The queue has no worker in this release"),
        },
      },
    },
    "/admin/jobs/{queue}/{jobId}": {
      get: {
        summary: "A job's state (admin)",
        parameters: [
          { name: "queue", in: "path", required: true, schema: { type: "string" } },
          { name: "jobId", in: "path", required: true, schema: { type: "string" } },
        ],
        responses: {
          "200": { description: "State", content: { "application/json": { schema: { type: "object", properties: { state: { type: "string" }, output: {}, error: {} } } } } },
          "404": errorResponse("No such job"),
        },
      },
    },
  },
} as const;
