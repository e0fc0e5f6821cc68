"""Layer (d), the highest: the councillors' review (reviews, meetings, conclusions, information
requests, recommendations) and the pages and papers that combine the plan with the review."""
