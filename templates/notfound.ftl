<#include "layout.ftl">
<#-- The page a static host shows for a missing address. Its links are relative to the site root, where hosts serve it. -->
<@page title=content.title root="" description="There is no page of the guide at this address.">
<article class="not-found">
<h1 id="top">Page not found</h1>
<p>There is no page of the guide at this address. The chapters are listed in the <a href="index.html">contents</a>; every formula is in the <a href="formula-appendix.html">formula appendix</a>.</p>
</article>
</@page>
