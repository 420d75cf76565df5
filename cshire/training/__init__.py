"""Training: the success journey, journey-stage curricula, the sandbox exercise in which
a new hire experiences the customer journey, mentor reviews, the friction report and
field-readiness sign-off."""
