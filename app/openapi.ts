// The OpenAPI 3.1 description of the JSON API, served at /api/v1/openapi.json. API.md is the
// contract that must not change shape; this document describes everything implemented.
const error = { $ref: "#/components/schemas/Error" };
const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: error } } });

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
