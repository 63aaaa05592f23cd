"""Reading pages: /texts/, /texts/<year>/<lang>/, /texts/<year>/<lang>/art/<num>/, search and AKN download."""

from django.urls import path, register_converter

from . import views


class LanguageConverter:
    regex = "rus|kaz"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class ArticleNumConverter:
    regex = r"\d+(?:-\d+)?"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(LanguageConverter, "textlang")
register_converter(ArticleNumConverter, "artnum")

urlpatterns = [
    path("", views.index, name="index"),
    path("search/", views.search, name="search"),
    path("<int:year>/<textlang:lang>/", views.expression_read, name="expression"),
    path("<int:year>/<textlang:lang>/art/<artnum:num>/", views.article_read, name="article"),
    path("<int:year>/<textlang:lang>/akn.xml", views.expression_akn, name="akn"),
]
