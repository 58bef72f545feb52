"""The admin form every public page type's editor is built on."""

from wagtail.admin.forms import WagtailAdminPageForm


class BasePageForm(WagtailAdminPageForm):
    """The slug may be left empty: the page then takes one made from its title (BasePage.full_clean,
    ASCII with đ→d). The editor's script fills it as the title is typed, but a cadre on a slow
    connection can type and submit before that script runs, and was then sent back with "Trường này
    là bắt buộc" on a field in another tab ("Quảng bá") they never opened."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
