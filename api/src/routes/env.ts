/** Variables the auth middleware sets for every API route. */
export interface ApiEnv {
  Variables: { projectId: string };
}
