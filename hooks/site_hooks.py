"""MkDocs entry hooks of the culture portal: each event delegates to the adapter.

This is the only file listed under ``hooks:`` in mkdocs.yml. MkDocs puts this
folder on ``sys.path`` only while it imports this file, so every package is
imported here, at the top, never inside an event.

MkDocs keeps this module for its whole invocation (`mkdocs serve`'s rebuilds included), as
it keeps a plugin object that has on_startup: ``INVOCATIONS`` is that object's one
attribute, the only state outside a build's own (``portal_mkdocs.invocation``).
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import portal.outputs.minify as minify
import portal.text.slugs as slugs
import portal.text.typography as typography
import portal_mkdocs.context as context
import portal_mkdocs.files as files_
import portal_mkdocs.internals as internals
import portal_mkdocs.invocation as invocation
import portal_mkdocs.multibuild as multibuild
import portal_mkdocs.outputs as outputs
import portal_mkdocs.rendercache as rendercache
import portal_mkdocs.report as report
import portal_mkdocs.sanitising as sanitising
import portal_mkdocs.search as search
import portal_mkdocs.shortcodes as shortcodes
import portal_mkdocs.state as state
import portal_mkdocs.stylesheet as stylesheet
import portal_mkdocs.theme as theme
from portal.plan.views import not_found_view

INVOCATIONS = invocation.Invocations()


def on_startup(command: str, dirty: bool) -> None:
    INVOCATIONS.start(command, dirty)


def on_shutdown() -> None:
    INVOCATIONS.end()


# Before the search plugin's on_config, which reads the build's language.
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    running = INVOCATIONS.for_build(config)
    parallel = multibuild.start_other_languages(config, running)  # first: they read the content while this build does
    build = state.start_build(config, running)
    build.parallel = parallel
    config.mdx_configs.setdefault("toc", {})["slugify"] = slugs.heading_slug
    theme.list_theme_files_quickly(config)
    if build.is_default_language:  # the site is the same for every language: report once
        report.report(build.site.problems, config)
        for note in build.site.magazine.notes:  # what a draft still lacks: said, never an error
            report.logger(config).info(f"Draft left out until written: {note}")
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    build = state.state_of(config)
    build.invocation.wait_for_search_index()  # `mkdocs serve`: the last rebuild's, before this one touches the site
    rendercache.start(config, build)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = state.state_of(config)
    config["nav"] = files_.language_nav(build.plan, build.lang)
    files = files_.language_files(files, config, build.plan, build.lang)
    if build.render_cache:
        files = build.render_cache.files_ready(files, config, build)
        outputs.leave_unchanged_files(files, build)  # unchanged #UpConf feeds and calendars: not written again
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = state.state_of(config)
    cache = build.render_cache
    if cache:
        cache.begin(page)
    sanitising.sanitise_meta(page)
    shortcodes.neutralise_meta(page)
    markdown = context.hand_page_markdown(markdown, page, build)
    markdown = shortcodes.expand_shortcodes(markdown, page, config, build)
    return cache.recall(markdown, page, context.view_of(page, build)) if cache else markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = state.state_of(config)
    cache = build.render_cache
    stored = cache.stored_content(page) if cache else None
    if stored is not None:
        html = context.keep_article_html(stored, page, build)
    else:
        html = sanitising.sanitised(html, page, config, build)  # first: pictures, feeds and search get it clean
        html = context.article_html(html, page, config, build)
        if cache:
            cache.rendered(html, page)
    internals.forget_markdown(page)  # rendered and checked: a large magazine's Markdown is not held to the end
    return html


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    # A build renders each template hundreds of times: do not stat its file every time
    # (each build, `mkdocs serve`'s included, makes a new environment anyway).
    env.auto_reload = False
    if state.state_of(config).render_cache:
        rendercache.compiled_templates(env, config)
    return env


def on_page_context(ctx: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    build = state.state_of(config)
    if build.render_cache:
        build.render_cache.templating(page)
    return context.add_page_context(ctx, page, build)


# Last, so that the output stored is the one written.
@event_priority(-100)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    build = state.state_of(config)
    if build.lang == "fr":  # narrow no-break spaces of French typography, in the text only
        output = typography.french_spacing(output)
    output = minify.minified_html(output)  # the templates' indentation: fewer bytes, same page
    internals.forget_content(page)  # written next: its body is not held to the end of the build
    cache = build.render_cache
    return cache.output(output, page) if cache else output


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    build = state.state_of(config)
    if template_name == "404.html" and build.lang == "fr":  # the French not-found page: French spacing too
        output_content = typography.french_spacing(output_content)
    if template_name == "404.html":
        output_content = minify.minified_html(output_content)
    return outputs.unchanged_template(output_content, template_name, build)


def on_template_context(ctx: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    if template_name == "sitemap.xml":
        build = state.state_of(config)
        left_out = build.render_cache.left_out() if build.render_cache else []
        ctx["portal_sitemap"] = context.sitemap_entries(ctx["pages"], build, left_out)
    elif template_name == "404.html":  # the not-found page speaks its build's language
        build = state.state_of(config)
        ctx["portal"] = not_found_view(build.plan, build.lang)
    return ctx


# Late, so that every other plugin has written its files before the other
# languages are built (the default language's build cleans the whole site first).
@event_priority(-100)
def on_post_build(config: MkDocsConfig) -> None:
    build = state.state_of(config)
    outputs.write_feeds(config, build)
    outputs.write_cards(config, build)
    outputs.write_site_files(config, build)
    stylesheet.trim_material_stylesheet(config, build)  # once every page of the language is in its folder
    if build.render_cache:
        build.render_cache.finish(config)
    build.site.save_memo()
    multibuild.build_other_languages(config, build)
    search.write_search_index(config, build)  # last: it reads every language's pages
    INVOCATIONS.build_ended(config)


def on_build_error(error: Exception) -> None:
    running = INVOCATIONS.running()
    if running is not None:
        multibuild.stop_other_languages(running)
    INVOCATIONS.build_failed()
