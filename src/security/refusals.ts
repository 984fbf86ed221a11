/** What a refused caller gets: one fixed body per platform, so the reason never leaks. */
export const ALEXA_REFUSAL = { error: 'request could not be verified' } as const;

export const DIALOGFLOW_REFUSAL = { error: 'caller not verified' } as const;
