"""Commission pages, mounted at /commission/."""

from django.urls import path, register_converter

from . import views


class ArticleNumConverter:
    regex = r"\d+(?:-\d+)?"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ArticleNumConverter, "cartnum")

app_name = "commission"
urlpatterns = [
    path("", views.index, name="index"),
    path("members/", views.members, name="members"),
    path("sessions/<int:number>/", views.session, name="session"),
    path("sessions/<int:number>/minutes.md", views.session_minutes, name="minutes"),
    path("sessions/<int:number>/items/<int:order>/vote/", views.vote, name="vote"),
    path("drafts/", views.drafts, name="drafts"),
    path("drafts/compare/", views.drafts_compare, name="compare"),
    path("drafts/<int:number>/", views.draft, name="draft"),
    path("drafts/<int:number>/art/<cartnum:num>/", views.draft_article, name="draft_article"),
    path("comments/moderate/", views.moderation, name="moderation"),
    path("comments/<int:pk>/moderate/", views.moderate, name="moderate"),
    path("articles/", views.articles, name="articles"),
    path("articles/<cartnum:num>/", views.article_story, name="story"),
]
urlpatterns += [
    path("proposals/<str:number>/", views.proposal, name="proposal"),
    path("secretariat/", views.secretariat, name="secretariat"),
    path("sessions/<int:number>/manage/", views.session_manage, name="manage"),
    path("sessions/<int:number>/manage/agenda/", views.agenda_add, name="agenda_add"),
    path("sessions/<int:number>/manage/attendance/", views.attendance, name="attendance"),
    path("sessions/<int:number>/manage/speakers/", views.speaker, name="speaker_add"),
    path("sessions/<int:number>/items/<int:order>/decision/", views.decision, name="decision"),
]
