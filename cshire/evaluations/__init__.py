"""Evaluations: customer-journey conversion metrics per CSM from CRM exports, and
evaluation cycles on the shared competencies with development plans and calibration."""
