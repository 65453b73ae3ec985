// English messages. Every user-facing string of the portal lives here (Simplified Chinese comes
// later as zh-CN.ts with the same keys); components read them through react-i18next's `t`.
export const en = {
  app: {
    name: "Channelwise",
    tagline: "Partner relationship management, explained",
    skipToContent: "Skip to content",
  },
  nav: {
    main: "Main navigation",
    dashboard: "Dashboard",
    deals: "Deals",
    jobs: "Jobs",
    signOut: "Sign out",
    signedInAs: "Signed in as {{name}}",
  },
  roles: {
    PARTNER: "Partner",
    PARTNER_ADMIN: "Partner admin",
    CHANNEL_MANAGER: "Channel manager",
    REGIONAL_LEAD: "Regional lead",
    ADMIN: "Administrator",
  },
  login: {
    title: "Sign in to Channelwise",
    email: "E-mail",
    password: "Password",
    submit: "Sign in",
    submitting: "Signing in…",
    invalidCredentials: "That e-mail and password do not match an account.",
    locked: "Too many failed attempts from this address. Try again in {{minutes}} minutes.",
    rateLimited: "Too many sign-in attempts from this address. Try again in {{minutes}} minutes.",
    emailRequired: "Enter your e-mail address.",
    emailInvalid: "Enter a valid e-mail address.",
    passwordRequired: "Enter your password.",
  },
  errors: {
    notFoundTitle: "Not found",
    notFound: "There is nothing here, or it is not yours to see.",
    forbiddenTitle: "Not allowed",
    forbidden: "Your role does not give access to this page.",
    unexpectedTitle: "Something went wrong",
    unexpected: "An unexpected error occurred. Try again; if it persists, tell your administrator.",
    backHome: "Back to the dashboard",
  },
} as const;

export type Messages = typeof en;
