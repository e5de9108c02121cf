def explorer(r):
    pass


explorer_export = commitment_detail = progress_update_create = progress_review_create = (
    evidence_download
) = milestone_create = plan_detail = country_plans = sheet_import = explorer
