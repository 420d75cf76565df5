"""Users, roles, teams, sign-in and the access rules every endpoint declares."""
