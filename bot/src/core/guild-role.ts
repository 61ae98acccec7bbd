/** What the core needs to know about a server role, whatever library fetched it. */
export interface GuildRole {
  readonly id: string;
  readonly name: string;
  /** The primary colour as a 24-bit RGB number (0 when the role has none). */
  readonly color: number;
  /** Position in the server's role list; higher is more powerful. */
  readonly position: number;
  /** Owned by an integration or bot; Discord refuses to assign it by hand. */
  readonly managed: boolean;
  /** The implicit role every member has. */
  readonly everyone: boolean;
}
