/**
 * Who the DynamoDB calls are signed as. On Lambda the function's role arrives in the
 * environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), so that is all a
 * function reads. A long-running server without them (an EC2 or ECS role, an AWS profile) gets
 * the AWS SDK's credential chain, loaded only then: the Lambda bundles leave it out.
 */

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** When temporary credentials stop working; absent for keys that do not expire. */
  expiration?: Date;
}

/** Gives the credentials to sign with now; called before every request, so it must be cheap. */
export type CredentialSource = () => Promise<AwsCredentials>;

/** The credentials in `env`, or undefined when it holds none. */
export function credentialsFromEnv(env: NodeJS.ProcessEnv): AwsCredentials | undefined {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) return undefined;
  return { accessKeyId, secretAccessKey, sessionToken: env.AWS_SESSION_TOKEN || undefined };
}

/**
 * The environment's credentials when it has them; otherwise the AWS SDK's default chain, which
 * caches and refreshes what it finds. Read once: Lambda sets the environment before the code loads.
 */
export function defaultCredentialSource(env: NodeJS.ProcessEnv = process.env): CredentialSource {
  const fromEnv = credentialsFromEnv(env);
  if (fromEnv) return async () => fromEnv;
  let chain: CredentialSource | undefined;
  return async () => {
    if (!chain) {
      // Not in package.json on purpose: it comes with @aws-sdk/client-dynamodb, which tests and
      // the bench use, and scripts/bundle.ts keeps it out of every Lambda bundle.
      const { defaultProvider } = await import('@aws-sdk/credential-provider-node');
      const provider = defaultProvider();
      chain = async () => provider();
    }
    return chain();
  };
}
