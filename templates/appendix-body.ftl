<#ftl output_format="HTML" strip_whitespace=true>
<#-- The formula appendix's body, from the verified guide (FormulaAppendix builds the model). Math
     images arrive as markup from the math renderer; every other value is escaped here. -->
<h1 id="formula-appendix">Formula appendix</h1>
<p class="lead">Every formula of the guide, in book order. Each one was checked for units and compared with an independent Java implementation on random inputs before this page was built.</p>
<h2 id="notation">Notation<a class="heading-anchor" href="#notation" aria-label="Link to this section"></a></h2>
<#-- A th in a row of th cells heads its column: no scope attribute needed. tabindex: on a phone the
     table scrolls inside its own box (guide.css), which a keyboard must be able to reach. -->
<table class="notation" tabindex="0">
<thead><tr><th>symbol</th><th>name</th><th>meaning</th><th>unit</th><th>tested over</th></tr></thead>
<tbody>
<#list symbols as s>
<tr id="sym-${s.name}"><td>${s.img?no_esc}</td><td><code>${s.name}</code></td><td>${s.meaning}</td><td>${s.unit}</td><td>${s.range}</td></tr>
</#list>
</tbody>
</table>
<h2 id="formulas">Formulas<a class="heading-anchor" href="#formulas" aria-label="Link to this section"></a></h2>
<#macro place p><#if p.href??><a href="${p.href}">${p.title}</a> <span class="location">(${p.label})</span><#else><span class="location">${p.label}</span></#if></#macro>
<#list formulas as f>
<section class="appendix-entry" id="${f.id}">
<h3><code>${f.id}</code></h3>
<div class="formula-math">${f.img?no_esc}</div>
<dl class="where">
<#list f.symbols as s>
<dt>${s.img?no_esc}</dt><dd>${s.meaning} <span class="unit">[${s.unit}]</span></dd>
</#list>
</dl>
<p class="defined">Defined in <@place f.defined/>.</p>
<p class="used">Used by: <#list f.usedBy as u><@place u/><#sep>, </#sep><#else>no worked example yet</#list>.</p>
<p class="verified">Verified: agrees with <code>${f.reference}</code> on ${f.tries} random inputs drawn with seed ${f.seed} (relative tolerance 1e-9); both sides have the same unit.</p>
</section>
</#list>
