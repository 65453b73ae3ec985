// The OpenAPI 3.1 description of the JSON API, served at /api/v1/openapi.json. API.md is the
// contract that must not change shape; this document describes everything implemented.
const error = { $ref: "#/components/schemas/Error" };
const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: error } } });

const dealRef = { $ref: "#/components/schemas/Deal" };
const dealResponse = (description: string) => ({ description, content: { "application/json": { schema: { type: "object", properties: { deal: dealRef } } } } });
const dealIdParam = { name: "dealId", in: "path", required: true, schema: { type: "string", format: "uuid" } };

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
          winProbability: { type: ["object", "null"], properties: { value: { type: "number" }, reasons: { type: "array", items: { type: "string" } } } },
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
          { name: "page", in: "query", schema: { type: "integer", minimum: 1, default: 1 } },
          { name: "pageSize", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
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
