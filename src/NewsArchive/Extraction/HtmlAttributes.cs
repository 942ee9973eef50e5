using AngleSharp.Dom;

namespace NewsArchive.Extraction;

/// <summary>
/// Attribute look-ups by a lower-case name in no namespace, which is how an HTML parser stores every
/// attribute of an HTML element. AngleSharp's one-argument <c>GetAttribute</c> lower-cases the
/// name again on every call; the walk asks for <c>class</c> and <c>id</c> on every element.
/// </summary>
internal static class HtmlAttributes
{
    public static string? Get(IElement element, string lowerCaseName) => element.GetAttribute(null, lowerCaseName);

    public static bool Has(IElement element, string lowerCaseName) => element.HasAttribute(null, lowerCaseName);
}
