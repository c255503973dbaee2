"""LOINC's FHIR Questionnaires for the PHQ-9 and GAD-7, which the FHIR export points to.

Copies of the forms Regenstrief publishes on fhir.loinc.org (canonical http://loinc.org/q/<panel>):
the same linkIds, item codes, texts and answer codes, with each scored answer's value added as
an ordinalValue extension. Loaded with `selftrust.assessments.fhir.questionnaire`.
"""
