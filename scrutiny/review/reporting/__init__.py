"""Read-only queries behind the members' pages: dashboard figures, the changes digest, the plan as it
stood on a past date and the agencies side by side. Every function here makes a fixed number of
queries whatever the size of the plan or of its history."""
