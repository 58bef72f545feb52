"""The names of the roles and of the install-wide groups: the one place they are spelled.

A role name is also the name of its *template* group ("Quản trị trang"); each ward has its own
group of the role ("Quản trị trang – Phường Bình An", an `editorial.WardRoleGroup` whose `role`
is the role's key). Settings read these names too, so this module imports nothing.
"""

EDITOR = "Biên tập viên"
APPROVER = "Lãnh đạo duyệt"
SITE_ADMIN = "Quản trị trang"

# The role of each per-ward group, as stored in `WardRoleGroup.role`.
EDITOR_KEY = "editor"
APPROVER_KEY = "approver"
SITE_ADMIN_KEY = "site_admin"
ROLE_KEYS = {EDITOR: EDITOR_KEY, APPROVER: APPROVER_KEY, SITE_ADMIN: SITE_ADMIN_KEY}
WARD_ROLES = tuple(ROLE_KEYS)

# Groups of the whole install, not of one ward.
LEARNING_OFFICER = "Cán bộ khuyến học"
# Edits the shared (national) criteria sets and targets of the learning society.
LEARNING_NATIONAL_ADMIN = "Quản trị xã hội học tập dùng chung"
# The city's IT team: reads the province overview of every ward of the install, edits no ward's content.
CITY_ADMIN = "Quản trị thành phố"
# What the city administrators' group gives (province/roles.py): checked as a permission, which
# Django keeps per request, rather than by reading the user's groups again.
CITY_OVERVIEW_PERMISSION = "province.view_province_overview"
